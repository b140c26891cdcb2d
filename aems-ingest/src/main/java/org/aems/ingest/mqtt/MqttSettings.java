package org.aems.ingest.mqtt;

import java.time.Duration;
import java.util.Objects;

/**
 * How ingest connects to the broker (prefix {@code aems.ingest.mqtt}).
 *
 * @param url             broker URI, e.g. tcp://127.0.0.1:1883 or ssl://broker:8883
 * @param clientId        must be stable across restarts, or the persistent session (and what the broker
 *                        queued for it) is lost; unique per ingest instance
 * @param sharedGroup     shared-subscription group; instances in the same group split the telemetry stream.
 *                        Empty for a plain subscription
 * @param sessionExpiry   how long the broker keeps our session and queues messages while we are away;
 *                        default 6 h, so a restart or a long database outage loses nothing
 * @param receiveMaximum  in-flight window: the broker sends at most this many unacknowledged messages, which
 *                        bounds memory under overload (backpressure instead of OOM)
 */
public record MqttSettings(String url, String clientId, String username, String password, String sharedGroup,
                           Duration sessionExpiry, int receiveMaximum, Duration keepAlive, Duration connectTimeout) {

    public MqttSettings {
        Objects.requireNonNull(url, "aems.ingest.mqtt.url must be set, e.g. tcp://127.0.0.1:1883");
        Objects.requireNonNull(clientId, "aems.ingest.mqtt.client-id must be set");
        sharedGroup = sharedGroup == null ? "aems-ingest" : sharedGroup;
        sessionExpiry = sessionExpiry == null ? Duration.ofHours(6) : sessionExpiry;
        receiveMaximum = receiveMaximum == 0 ? 1000 : receiveMaximum;
        keepAlive = keepAlive == null ? Duration.ofSeconds(30) : keepAlive;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
        if (receiveMaximum < 1 || receiveMaximum > 65_535) {
            throw new IllegalArgumentException("aems.ingest.mqtt.receive-maximum must be within 1..65535, was " + receiveMaximum);
        }
        if (sessionExpiry.isNegative() || sessionExpiry.toSeconds() > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("aems.ingest.mqtt.session-expiry must be within 0..4294967295 s, was " + sessionExpiry);
        }
    }

    /** The filter for JSON telemetry: shared when a group is set. */
    public String telemetryFilter() {
        return filter(org.aems.core.telemetry.Topics.ALL_TELEMETRY);
    }

    /** The filter for raw ECHONET Lite meter frames: shared when a group is set. */
    public String echonetFilter() {
        return filter(org.aems.core.telemetry.Topics.ALL_ECHONET);
    }

    private String filter(String topics) {
        return sharedGroup.isEmpty() ? topics : org.aems.core.telemetry.Topics.shared(sharedGroup, topics);
    }

    @Override
    public String toString() {
        return "MqttSettings[url=" + url + ", clientId=" + clientId + ", username=" + username + ", password="
                + (password == null ? "none" : "***") + ", sharedGroup=" + sharedGroup + ", sessionExpiry=" + sessionExpiry
                + ", receiveMaximum=" + receiveMaximum + "]";
    }
}
