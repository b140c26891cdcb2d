package org.aems.ingest.store;

import java.util.List;
import org.aems.core.telemetry.Reading;

/**
 * Where accepted readings and recorded rejections go. One call is one transaction: when it returns,
 * everything passed in is durable and the MQTT messages behind it may be acknowledged; when it
 * throws, nothing was stored and the messages must stay unacknowledged so the broker redelivers them.
 */
public interface ReadingStore {

    /**
     * Stores readings idempotently by their natural key (site, device, quantity, ts), plus the
     * rejections, atomically.
     */
    StoreOutcome store(List<StampedReading> readings, List<RejectionRecord> rejections);

    /** A reading with the message it came in and when it arrived. */
    record StampedReading(Reading reading, String messageId, java.time.Instant receivedAt) {
    }

    /**
     * What one store call did: {@code duplicates} were already stored with the same key and value;
     * {@code conflicts} had a stored key with another value (kept in telemetry_conflict, the stored
     * reading flagged); {@code registerEvents} cumulative registers that went down (rollover, meter
     * replacement or unexplained decrease), kept in register_event.
     */
    record StoreOutcome(int inserted, int duplicates, int conflicts, int registerEvents, int rejections) {
    }
}
