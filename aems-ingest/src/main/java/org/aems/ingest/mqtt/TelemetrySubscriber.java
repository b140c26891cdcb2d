package org.aems.ingest.mqtt;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Subscribes to telemetry with a persistent MQTT v5 session and manual acknowledgements (ADR 0004).
 * The Paho callback thread only hands messages over to the {@link BlockingQueue}; the writer
 * acknowledges them, in arrival order, after their commit. When the queue is full the callback blocks,
 * and with Receive Maximum the broker stops sending: memory stays bounded.
 */
public final class TelemetrySubscriber implements MqttCallback, Acknowledger, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TelemetrySubscriber.class);

    private final MqttSettings settings;
    private final BlockingQueue<InboundMessage> queue;
    private final Clock clock;
    private final AtomicLong epoch = new AtomicLong();
    private final ScheduledExecutorService connector = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "aems-ingest-mqtt-connect");
        t.setDaemon(true);
        return t;
    });
    private volatile MqttAsyncClient client;
    private volatile boolean closing;

    public TelemetrySubscriber(MqttSettings settings, BlockingQueue<InboundMessage> queue, Clock clock) {
        this.settings = settings;
        this.queue = queue;
        this.clock = clock;
    }

    /** Connects in the background, retrying until the broker answers; Paho reconnects after that. */
    public void start() {
        try {
            client = new MqttAsyncClient(settings.url(), settings.clientId(), new MemoryPersistence());
        } catch (MqttException e) {
            throw new IllegalStateException("invalid MQTT settings " + settings + ": " + e.getMessage(), e);
        }
        client.setManualAcks(true);
        client.setCallback(this);
        connector.execute(() -> connect(1));
    }

    public boolean isConnected() {
        MqttAsyncClient c = client;
        return c != null && c.isConnected();
    }

    public MqttSettings settings() {
        return settings;
    }

    private void connect(int attempt) {
        if (closing) {
            return;
        }
        try {
            client.connect(options()).waitForCompletion(settings.connectTimeout().toMillis());
        } catch (MqttException e) {
            long delay = Math.min(30, 1L << Math.min(attempt, 5));
            log.warn("cannot connect to the MQTT broker, retrying in {} s [url: {}, client-id: {}, reason: {}]. "
                    + "Check aems.ingest.mqtt.url and that the broker is running.", delay, settings.url(), settings.clientId(), e.getMessage());
            connector.schedule(() -> connect(attempt + 1), delay, TimeUnit.SECONDS);
        }
    }

    private MqttConnectionOptions options() {
        MqttConnectionOptions options = new MqttConnectionOptions();
        // Persistent session: what arrives while we are away (restart, DB outage) waits at the broker.
        options.setCleanStart(false);
        options.setSessionExpiryInterval(settings.sessionExpiry().toSeconds());
        options.setReceiveMaximum(settings.receiveMaximum());
        options.setKeepAliveInterval((int) settings.keepAlive().toSeconds());
        options.setConnectionTimeout((int) settings.connectTimeout().toSeconds());
        options.setAutomaticReconnect(true);
        options.setAutomaticReconnectDelay(1, 10);
        if (settings.username() != null && !settings.username().isBlank()) {
            options.setUserName(settings.username());
        }
        if (settings.password() != null && !settings.password().isEmpty()) {
            options.setPassword(settings.password().getBytes(StandardCharsets.UTF_8));
        }
        return options;
    }

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {
        long current = epoch.incrementAndGet();
        try {
            // Subscribing again is harmless when the session survived and required when it did not.
            client.subscribe(new MqttSubscription[] {new MqttSubscription(settings.telemetryFilter(), 1),
                    new MqttSubscription(settings.echonetFilter(), 1)});
            log.info("subscribed to telemetry [url: {}, filters: {} {}, client-id: {}, connection: {}, reconnect: {}]",
                    serverUri, settings.telemetryFilter(), settings.echonetFilter(), settings.clientId(), current, reconnect);
        } catch (MqttException e) {
            log.error("subscribing to {} failed: {}; ingest receives nothing until it reconnects", settings.telemetryFilter(),
                    e.getMessage());
        }
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) throws InterruptedException {
        queue.put(new InboundMessage(topic, message.getPayload(), clock.instant(), message.getId(), message.getQos(), epoch.get(),
                publisher(message)));
    }

    private static String publisher(MqttMessage message) {
        if (message.getProperties() == null || message.getProperties().getUserProperties() == null) {
            return null;
        }
        return message.getProperties().getUserProperties().stream()
                .filter(p -> org.aems.core.brokerauth.BrokerIdentity.PUBLISHER_PROPERTY.equals(p.getKey()))
                .map(org.eclipse.paho.mqttv5.common.packet.UserProperty::getValue).findFirst().orElse(null);
    }

    @Override
    public void acknowledge(InboundMessage message) {
        if (message.qos() == 0) {
            return;
        }
        MqttAsyncClient c = client;
        // A packet id from an earlier connection may already name another message: the broker redelivers
        // the old one instead, and the idempotent store absorbs the repeat.
        if (message.epoch() != epoch.get() || c == null || !c.isConnected()) {
            return;
        }
        try {
            c.messageArrivedComplete(message.mqttId(), message.qos());
        } catch (MqttException e) {
            log.warn("acknowledging message {} failed; the broker will redeliver it: {}", message.mqttId(), e.getMessage());
        }
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {
        if (!closing) {
            log.warn("disconnected from the MQTT broker, reconnecting [url: {}, reason: {}]", settings.url(),
                    response.getReasonString() != null ? response.getReasonString() : String.valueOf(response.getException()));
        }
    }

    @Override
    public void mqttErrorOccurred(MqttException exception) {
        log.warn("MQTT error [url: {}]: {}", settings.url(), exception.getMessage());
    }

    @Override
    public void deliveryComplete(IMqttToken token) {
        // Ingest publishes nothing.
    }

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {
        // No enhanced authentication.
    }

    @Override
    public void close() {
        closing = true;
        connector.shutdownNow();
        MqttAsyncClient c = client;
        if (c == null) {
            return;
        }
        try {
            if (c.isConnected()) {
                c.disconnect().waitForCompletion(5_000);
            }
            c.close();
        } catch (MqttException e) {
            log.warn("closing the MQTT client failed: {}", e.getMessage());
        }
    }
}
