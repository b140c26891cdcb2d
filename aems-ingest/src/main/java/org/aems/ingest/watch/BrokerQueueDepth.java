package org.aems.ingest.watch;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import org.aems.ingest.mqtt.MqttSettings;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How many messages the broker holds, as Mosquitto publishes it on {@code $SYS} every {@code sys_interval}
 * seconds ({@value #TOPIC}: queued QoS 1/2 messages of all sessions plus retained ones). A broker that
 * publishes no such topic (HiveMQ CE, the embedded default) leaves the depth unknown and the queue watch
 * quiet; that is logged once.
 */
public final class BrokerQueueDepth implements AutoCloseable {

    static final String TOPIC = "$SYS/broker/store/messages/count";

    private static final Logger log = LoggerFactory.getLogger(BrokerQueueDepth.class);
    /** A value older than this (several Mosquitto sys_intervals) is no longer the broker's state. */
    private static final Duration STALE_AFTER = Duration.ofSeconds(60);

    private static final Duration RETRY_CONNECT = Duration.ofSeconds(10);

    private final MqttAsyncClient client;
    private final MqttConnectionOptions options;
    private final Clock clock;
    private volatile long depth = -1;
    private volatile Instant seenAt;
    private Instant lastAttempt;

    private BrokerQueueDepth(MqttAsyncClient client, MqttConnectionOptions options, Clock clock) {
        this.client = client;
        this.options = options;
        this.clock = clock;
    }

    /**
     * A small observer client (clean session, QoS 0) next to the ingest subscriber. It connects on the
     * first {@link #current()} and retries from there, so it may be created before the broker is up.
     */
    public static BrokerQueueDepth of(MqttSettings settings, Clock clock) {
        try {
            MqttAsyncClient client = new MqttAsyncClient(settings.url(), settings.clientId() + "-queue-watch", new MemoryPersistence());
            MqttConnectionOptions options = new MqttConnectionOptions();
            options.setCleanStart(true);
            options.setAutomaticReconnect(true);
            options.setAutomaticReconnectDelay(1, 10); // Paho's default backs off to 128 s
            if (settings.username() != null) {
                options.setUserName(settings.username());
            }
            if (settings.password() != null) {
                options.setPassword(settings.password().getBytes(StandardCharsets.UTF_8));
            }
            BrokerQueueDepth depth = new BrokerQueueDepth(client, options, clock);
            client.setCallback(depth.new Listener());
            return depth;
        } catch (MqttException e) {
            throw new IllegalStateException("invalid MQTT settings for the broker queue observer " + settings.url() + ": "
                    + e.getMessage(), e);
        }
    }

    /** Messages the broker holds, if it told us recently. */
    public synchronized OptionalLong current() {
        connectIfNeeded();
        Instant at = seenAt;
        if (at == null || clock.instant().isAfter(at.plus(STALE_AFTER))) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(depth);
    }

    /** Paho reconnects by itself only after a first success, so the first connection is retried here. */
    private void connectIfNeeded() {
        Instant now = clock.instant();
        if (client.isConnected() || (lastAttempt != null && now.isBefore(lastAttempt.plus(RETRY_CONNECT)))) {
            return;
        }
        lastAttempt = now;
        try {
            client.connect(options);
        } catch (MqttException e) {
            // Already connecting or reconnecting (Paho's own reconnect took over): nothing to do.
            log.debug("broker queue observer: {}", e.getMessage());
        }
    }

    @Override
    public synchronized void close() {
        try {
            if (client.isConnected()) {
                client.disconnect().waitForCompletion(2_000);
            }
            client.close(true);
        } catch (MqttException e) {
            log.debug("closing the broker queue observer: {}", e.getMessage());
        }
    }

    private final class Listener implements MqttCallback {

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            try {
                client.subscribe(TOPIC, 0);
            } catch (MqttException e) {
                log.warn("cannot subscribe to {} on {}: broker queue alerts are off: {}", TOPIC, serverUri, e.getMessage());
            }
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            try {
                depth = Long.parseLong(new String(message.getPayload(), StandardCharsets.US_ASCII).trim());
                seenAt = clock.instant();
            } catch (NumberFormatException e) {
                log.debug("ignoring {} = {}", topic, new String(message.getPayload(), StandardCharsets.US_ASCII));
            }
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
        }
    }
}
