package org.aems.ingest.store;

/** The store failed (database down, constraint broken by a bug): "we failed", not "your data is wrong". */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
