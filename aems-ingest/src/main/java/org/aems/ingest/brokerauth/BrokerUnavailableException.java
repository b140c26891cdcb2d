package org.aems.ingest.brokerauth;

/** The running broker did not confirm an account change; nothing was changed in the store. */
public final class BrokerUnavailableException extends RuntimeException {

    public BrokerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public BrokerUnavailableException(String message) {
        super(message);
    }
}
