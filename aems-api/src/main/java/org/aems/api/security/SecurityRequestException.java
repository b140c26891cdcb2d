package org.aems.api.security;

/** A request about users, clients or credentials that cannot be done as asked; the message says what to do. */
public class SecurityRequestException extends RuntimeException {

    private final int status;
    private final String reason;

    public SecurityRequestException(int status, String reason, String message) {
        super(message);
        this.status = status;
        this.reason = reason;
    }

    public int status() {
        return status;
    }

    public String reason() {
        return reason;
    }
}
