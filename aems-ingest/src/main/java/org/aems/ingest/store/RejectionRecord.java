package org.aems.ingest.store;

import java.time.Instant;
import java.util.Objects;
import org.aems.core.telemetry.Rejection;

/**
 * A rejection as it is recorded: what was refused, where it came from, and the start of the raw
 * payload (capped so one hostile gateway cannot fill the database).
 *
 * @param siteId      the site the topic or payload named, or null when neither did
 * @param messageId   the payload's message id, or null when it had none
 * @param payloadSize the full payload size in bytes, even when {@code payload} is capped
 */
public record RejectionRecord(Instant receivedAt, String topic, String siteId, String messageId, Rejection rejection,
                              byte[] payload, int payloadSize) {

    public RejectionRecord {
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(rejection, "rejection");
        Objects.requireNonNull(payload, "payload");
    }

    public static RejectionRecord of(Instant receivedAt, String topic, String siteId, String messageId,
                                     Rejection rejection, byte[] fullPayload, int cap) {
        ReadingStore.Origin origin = ReadingStore.Origin.of(topic, fullPayload, cap);
        return new RejectionRecord(receivedAt, topic, siteId, messageId, rejection, origin.payload(), origin.payloadSize());
    }
}
