package org.aems.optimizer.island;

/** A feeder declared islanded while it already is; the message says since when and by whom. */
public final class AlreadyIslandedException extends IllegalStateException {

    public AlreadyIslandedException(String message) {
        super(message);
    }
}
