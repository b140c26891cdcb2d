package org.aems.simulators.mqtt;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * One MQTT 5 connection that one or many simulated gateways publish through. QoS 1 publishes are
 * windowed below the broker's Receive Maximum (4/5 of it: Paho fails with 32202 "too many publishes in
 * progress" at the limit, docs STACK), so a pool of links can play a city without losing a message.
 */
public final class MqttLink implements AutoCloseable {

    private final MqttAsyncClient client;
    private final MqttConnectionOptions options;
    private final Semaphore window = new Semaphore(0);
    private final AtomicLong failed = new AtomicLong();
    private volatile int windowSize;

    /**
     * @param onMessage called with (topic, payload) on Paho's callback thread; it must not publish (hand off)
     * @param onLost    called when the connection drops (Paho reconnects by itself)
     */
    public MqttLink(String brokerUrl, String clientId, String username, String willTopic, byte[] willPayload,
                    BiConsumer<String, byte[]> onMessage, Runnable onLost) throws MqttException {
        this(brokerUrl, clientId, username, null, willTopic, willPayload, onMessage, onLost);
    }

    /** As above, with a password for brokers that check one ({@code null}: none sent). */
    public MqttLink(String brokerUrl, String clientId, String username, String password, String willTopic, byte[] willPayload,
                    BiConsumer<String, byte[]> onMessage, Runnable onLost) throws MqttException {
        Objects.requireNonNull(onMessage, "onMessage");
        this.client = new MqttAsyncClient(brokerUrl, clientId, new MemoryPersistence());
        this.options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setAutomaticReconnect(true);
        options.setKeepAliveInterval(30);
        options.setUserName(username);
        if (password != null) {
            options.setPassword(password.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        if (willTopic != null) {
            options.setWill(willTopic, new MqttMessage(willPayload, 1, true, null));
        }
        client.setCallback(new MqttCallback() {
            @Override
            public void disconnected(MqttDisconnectResponse response) {
                onLost.run();
            }

            @Override
            public void mqttErrorOccurred(MqttException exception) {
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                onMessage.accept(topic, message.getPayload());
            }

            @Override
            public void deliveryComplete(IMqttToken token) {
            }

            @Override
            public void connectComplete(boolean reconnect, String serverURI) {
            }

            @Override
            public void authPacketArrived(int reasonCode, MqttProperties properties) {
            }
        });
    }

    /** Connects and sizes the publish window from the broker's Receive Maximum. */
    public IMqttToken connect() throws MqttException {
        return client.connect(options);
    }

    public void awaitConnected(IMqttToken connecting, int maxWindow) throws MqttException {
        connecting.waitForCompletion(15_000);
        Integer receiveMaximum = connecting.getResponseProperties() == null ? null
                : connecting.getResponseProperties().getReceiveMaximum();
        int brokerMax = receiveMaximum == null ? 65_535 : receiveMaximum;
        windowSize = Math.max(1, Math.min(maxWindow, brokerMax - Math.max(1, brokerMax / 5)));
        window.release(windowSize);
    }

    public int windowSize() {
        return windowSize;
    }

    /** Publishes at QoS 1, waiting while the window is full; false when it could not be handed to Paho. */
    public boolean publish(String topic, byte[] payload, boolean retained) throws InterruptedException {
        if (!window.tryAcquire(30, TimeUnit.SECONDS)) {
            failed.incrementAndGet();
            return false;
        }
        try {
            client.publish(topic, payload, 1, retained, null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    window.release();
                }

                @Override
                public void onFailure(IMqttToken token, Throwable exception) {
                    failed.incrementAndGet();
                    window.release();
                }
            });
            return true;
        } catch (MqttException e) {
            failed.incrementAndGet();
            window.release();
            return false;
        }
    }

    /** Subscribes at QoS 1 in batches, so one link can listen for hundreds of sites' commands. */
    public void subscribe(List<String> topics) throws MqttException {
        for (int i = 0; i < topics.size(); i += 100) {
            List<String> batch = topics.subList(i, Math.min(topics.size(), i + 100));
            int[] qos = new int[batch.size()];
            java.util.Arrays.fill(qos, 1);
            client.subscribe(batch.toArray(String[]::new), qos).waitForCompletion(15_000);
        }
    }

    /** Publishes that failed (broker refused, connection lost, window never freed). */
    public long failed() {
        return failed.get();
    }

    /** Waits until every publish handed to Paho is acknowledged, at most {@code millis}. */
    public void drain(long millis) throws InterruptedException {
        if (window.tryAcquire(windowSize, millis, TimeUnit.MILLISECONDS)) {
            window.release(windowSize);
        }
    }

    public boolean connected() {
        return client.isConnected();
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect().waitForCompletion(2_000);
            }
            client.close();
        } catch (MqttException e) {
            // closing anyway
        }
    }
}
