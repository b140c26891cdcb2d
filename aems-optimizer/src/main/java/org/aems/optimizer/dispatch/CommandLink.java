package org.aems.optimizer.dispatch;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BiConsumer;
import org.aems.core.telemetry.Command;
import org.aems.core.telemetry.ControlCodec;
import org.aems.core.telemetry.Topics;
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
 * The dispatcher's MQTT 5 connection: publishes commands at QoS 1 with a message expiry (a command the
 * gateway cannot receive before {@code validUntil} is dropped by the broker, not delivered stale), the
 * command id as correlation data and the site's acknowledgement topic as response topic; receives
 * acknowledgements through a shared subscription. Reconnects by itself (at most 10 s apart) and
 * re-subscribes on every connect, because the session is clean: unsent commands live in the outbox table.
 */
public final class CommandLink implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CommandLink.class);

    private final MqttAsyncClient client;
    private final MqttConnectionOptions options;
    private final String ackFilter;
    private final ControlCodec codec = new ControlCodec();

    /** @param onAck called with (topic, payload) on Paho's callback thread; it must not publish */
    public CommandLink(DispatchSettings settings, BiConsumer<String, byte[]> onAck) throws MqttException {
        this.client = new MqttAsyncClient(settings.url(), settings.clientId(), new MemoryPersistence());
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
     * Publishes one command and waits for the broker's PUBACK, at most {@code timeout}. False when the broker
     * did not take it (not connected, refused, timed out): the command stays in the outbox.
     */
    public boolean publish(Command command, Instant now, Duration timeout) {
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
            client.publish(Topics.commands(command.siteId()), message).waitForCompletion(timeout.toMillis());
            return true;
        } catch (MqttException e) {
            log.debug("publishing {} failed: {}", command.commandId(), e.getMessage());
            return false;
        }
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
