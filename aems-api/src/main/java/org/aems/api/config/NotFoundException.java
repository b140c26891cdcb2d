package org.aems.api.config;

/** A resource that does not exist, with the stable reason code the problem detail carries. */
public final class NotFoundException extends RuntimeException {

    private final String reason;

    public NotFoundException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
