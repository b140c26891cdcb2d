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

    /**
     * A reading with the message it came in, when it arrived, and where from: the store refuses a
     * register that went backwards, and that rejection is recorded like any other.
     */
    record StampedReading(Reading reading, String messageId, java.time.Instant receivedAt, Origin origin) {
    }

    /**
     * The topic and payload of the message a reading came in, the payload capped so one hostile gateway
     * cannot fill the database (the one capping rule, also for {@link RejectionRecord}). One per message.
     */
    record Origin(String topic, byte[] payload, int payloadSize) {

        public static Origin of(String topic, byte[] fullPayload, int cap) {
            byte[] kept = fullPayload.length <= cap ? fullPayload : java.util.Arrays.copyOf(fullPayload, cap);
            return new Origin(topic, kept, fullPayload.length);
        }
    }

    /**
     * What one store call did: {@code duplicates} were already stored with the same key and value;
     * {@code conflicts} had a stored key with another value (kept in telemetry_conflict, the stored
     * reading flagged); {@code registerEvents} cumulative registers that rolled over or restarted
     * after a meter replacement, kept in register_event with the reading; {@code registerDecreases}
     * registers that went backwards without either, refused and counted among {@code rejections}.
     */
    record StoreOutcome(int inserted, int duplicates, int conflicts, int registerEvents, int registerDecreases,
                        int rejections) {
    }
}
