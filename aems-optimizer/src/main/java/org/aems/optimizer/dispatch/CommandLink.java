package org.aems.optimizer.dispatch;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BiConsumer;
import org.aems.core.telemetry.Command;
import org.aems.core.telemetry.ControlCodec;
import org.aems.core.telemetry.Topics;
import java.util.function.IntConsumer;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dispatcher's MQTT 5 connection: publishes commands at QoS 1 with a message expiry (a command the
 * gateway cannot receive before {@code validUntil} is dropped by the broker, not delivered stale), the
 * command id as correlation data and the site's acknowledgement topic as response topic; receives
 * acknowledgements through a shared subscription. Reconnects by itself (at most 10 s apart) and
 * re-subscribes on every connect, because the session is clean: unsent commands live in the outbox table.
 * Publishes are asynchronous: many may await their PUBACK at once, up to the window the caller keeps below
 * the Receive Maximum that every CONNACK reports.
 */
public final class CommandLink implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CommandLink.class);

    private final MqttAsyncClient client;
    private final MqttConnectionOptions options;
    private final String ackFilter;
    private final ControlCodec codec = new ControlCodec();

    /** Paho's "too many publishes in progress": its count of unacknowledged publishes reached the Receive Maximum. */
    static final int TOO_MANY_PUBLISHES = org.eclipse.paho.mqttv5.client.MqttClientException.REASON_CODE_MAX_INFLIGHT;

    /**
     * @param onAck            called with (topic, payload) on Paho's callback thread; it must not publish
     * @param onReceiveMaximum called with the broker's Receive Maximum on every connect and reconnect
     */
    public CommandLink(DispatchSettings settings, BiConsumer<String, byte[]> onAck, IntConsumer onReceiveMaximum) throws MqttException {
        this.client = new ConnackReadingClient(settings.url(), settings.clientId(), onReceiveMaximum);
        this.options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setAutomaticReconnect(true);
        options.setAutomaticReconnectDelay(1, 10);
        options.setKeepAliveInterval(30);
        options.setUserName(settings.username());
        if (settings.password() != null) {
            options.setPassword(settings.password().getBytes(StandardCharsets.UTF_8));
        }
        this.ackFilter = settings.sharedGroup().isEmpty() ? Topics.ALL_COMMAND_ACKS
                : Topics.shared(settings.sharedGroup(), Topics.ALL_COMMAND_ACKS);
        client.setCallback(new MqttCallback() {
            @Override
            public void disconnected(MqttDisconnectResponse response) {
                log.warn("dispatch lost its broker connection ({}); reconnecting, commands wait in the outbox",
                        response.getReasonString());
            }

            @Override
            public void mqttErrorOccurred(MqttException exception) {
                log.warn("dispatch MQTT error: {}", exception.getMessage());
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                onAck.accept(topic, message.getPayload());
            }

            @Override
            public void deliveryComplete(IMqttToken token) {
            }

            @Override
            public void connectComplete(boolean reconnect, String serverURI) {
                try {
                    client.subscribe(new MqttSubscription(ackFilter, 1));
                    log.info("dispatch {} to {}, acknowledgements from {}", reconnect ? "reconnected" : "connected", serverURI, ackFilter);
                } catch (MqttException e) {
                    log.error("dispatch cannot subscribe to {}: {}", ackFilter, e.getMessage());
                }
            }

            @Override
            public void authPacketArrived(int reasonCode, MqttProperties properties) {
            }
        });
    }

    /** Starts connecting; returns at once (the first connect may fail and is retried in the background). */
    public void start() {
        try {
            client.connect(options);
        } catch (MqttException e) {
            log.warn("dispatch cannot reach {} yet ({}); retrying", client.getServerURI(), e.getMessage());
        }
    }

    public boolean connected() {
        return client.isConnected();
    }

    /**
     * Hands one command to the broker without waiting: QoS 1, expiring with its validity, the command id as
     * correlation data. {@code onPuback} is called on Paho's callback thread with true when the broker's PUBACK
     * arrives, false when the publish failed (connection lost); it must be quick. Returns false, and calls
     * nothing, when the command did not leave (not connected, or Paho refused it; {@link #TOO_MANY_PUBLISHES} is
     * rethrown so the caller can shrink its window): the command stays in the outbox.
     */
    public boolean publish(Command command, Instant now, PubackListener onPuback) throws MqttException {
        if (!client.isConnected()) {
            return false;
        }
        MqttMessage message = new MqttMessage(codec.encode(command), 1, false, null);
        MqttProperties properties = new MqttProperties();
        properties.setMessageExpiryInterval(Math.max(1L, Duration.between(now, command.validUntil()).toSeconds()));
        properties.setCorrelationData(command.commandId().getBytes(StandardCharsets.UTF_8));
        properties.setResponseTopic(Topics.commandAcks(command.siteId()));
        properties.setContentType("application/json");
        message.setProperties(properties);
        try {
            client.publish(Topics.commands(command.siteId()), message, null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    onPuback.done(command.commandId(), true);
                }

                @Override
                public void onFailure(IMqttToken token, Throwable exception) {
                    log.debug("publishing {} failed: {}", command.commandId(), exception.getMessage());
                    onPuback.done(command.commandId(), false);
                }
            });
            return true;
        } catch (MqttException e) {
            if (e.getReasonCode() == TOO_MANY_PUBLISHES) {
                throw e;
            }
            log.debug("publishing {} failed: {}", command.commandId(), e.getMessage());
            return false;
        }
    }

    /** What became of one asynchronous publish. */
    @FunctionalInterface
    public interface PubackListener {
        /** @param acknowledged true when the broker's PUBACK came, false when the publish failed */
        void done(String commandId, boolean acknowledged);
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect().waitForCompletion(2_000);
            }
            client.close(true);
        } catch (MqttException e) {
            log.debug("closing the dispatch link: {}", e.getMessage());
        }
    }
}
