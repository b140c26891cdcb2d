package org.aems.api.settlement;

/** No settlement run with this id (or no statement of this site in it). */
public final class RunNotFoundException extends RuntimeException {
    RunNotFoundException(String message) {
        super(message);
    }
}
