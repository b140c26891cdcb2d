package org.aems.api.settlement;

/** A certified-values file that cannot be read at all (no or wrong header, broken CSV); nothing was stored. */
public final class CertifiedFileException extends RuntimeException {

    CertifiedFileException(String message) {
        super(message);
    }
}
