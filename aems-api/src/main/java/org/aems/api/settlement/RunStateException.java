package org.aems.api.settlement;

/**
 * A request the run's state does not allow (finalise twice, finalise one's own run, export a draft, slot
 * lines that no longer reproduce). {@code reason} is the stable code, {@code status} the HTTP status.
 */
public final class RunStateException extends RuntimeException {

    private final String reason;
    private final int status;

    RunStateException(int status, String reason, String message) {
        super(message);
        this.reason = reason;
        this.status = status;
    }

    public String reason() {
        return reason;
    }

    public int status() {
        return status;
    }
}
