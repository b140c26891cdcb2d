package org.aems.ingest.mqtt;

import java.time.Instant;

/**
 * A telemetry message as received, waiting for its commit and then its acknowledgement.
 *
 * @param mqttId packet id to acknowledge; only valid on the connection it arrived on
 * @param epoch  which connection it arrived on: after a reconnect the broker redelivers instead
 * @param publisher the account that published it, if the broker says so (user property {@code aems-publisher}); else null
 */
public record InboundMessage(String topic, byte[] payload, Instant receivedAt, int mqttId, int qos, long epoch, String publisher) {

    public InboundMessage(String topic, byte[] payload, Instant receivedAt, int mqttId, int qos, long epoch) {
        this(topic, payload, receivedAt, mqttId, qos, epoch, null);
    }
}
