package org.aems.optimizer.runtime;

/**
 * A feeder cannot be forecast yet: it has less than a day of interval history (a new installation, or a new
 * feeder). Expected after a first start; the round reports it without a stack trace.
 */
public final class NotEnoughHistoryException extends IllegalStateException {

    public NotEnoughHistoryException(String message) {
        super(message);
    }
}
