package org.aems.testing;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * A real Paho v5 client for the broker-auth tests (#7) that reports the broker's answers as MQTT 5 reason codes: CONNACK,
 * PUBACK, SUBACK, and the DISCONNECT the broker sends when it drops us.
 */
public final class MqttProbe implements AutoCloseable {

    public final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    /** The {@code aems-publisher} user property of each message received, "" where it had none. */
    public final BlockingQueue<String> publishers = new LinkedBlockingQueue<>();
    public final CompletableFuture<Integer> disconnectedWith = new CompletableFuture<>();
    private final MqttAsyncClient client;

    private MqttProbe(String url) throws MqttException {
        client = new MqttAsyncClient(url, "probe-" + UUID.randomUUID().toString().substring(0, 8), new MemoryPersistence());
        client.setCallback(new MqttCallback() {
            @Override
            public void disconnected(MqttDisconnectResponse response) {
                disconnectedWith.complete(response.getReturnCode());
            }

            @Override
            public void mqttErrorOccurred(MqttException exception) {
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                received.add(topic + " " + new String(message.getPayload(), StandardCharsets.UTF_8));
                List<org.eclipse.paho.mqttv5.common.packet.UserProperty> user = message.getProperties() == null ? null
                        : message.getProperties().getUserProperties();
                publishers.add(user == null ? "" : user.stream().filter(p -> p.getKey().equals("aems-publisher"))
                        .map(org.eclipse.paho.mqttv5.common.packet.UserProperty::getValue).findFirst().orElse(""));
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

    /** A connected client ({@code username} null: anonymous); throws with the CONNACK reason code if the broker refuses. */
    public static MqttProbe connect(String url, String username, String password) throws MqttException {
        return connect(url, null, username, password);
    }

    /** The same over TLS ({@code ssl://}) with this socket factory (client certificate, trusted CA), host name checked. */
    public static MqttProbe connect(String url, javax.net.ssl.SSLSocketFactory ssl, String username, String password)
            throws MqttException {
        MqttProbe probe = new MqttProbe(url);
        MqttConnectionOptions options = new MqttConnectionOptions();
        if (ssl != null) {
            options.setSocketFactory(ssl);
            options.setHttpsHostnameVerificationEnabled(true);
        }
        if (username != null) {
            options.setUserName(username);
            options.setPassword(password.getBytes(StandardCharsets.UTF_8));
        }
        options.setCleanStart(true);
        options.setAutomaticReconnect(false);
        options.setConnectionTimeout(5);
        try {
            probe.client.connect(options).waitForCompletion(5_000);
        } catch (MqttException e) {
            probe.client.close(true);
            throw e;
        }
        return probe;
    }

    /** The CONNACK reason code of a connect attempt: 0 when accepted. */
    public static int connackOf(String url, String username, String password) {
        try (MqttProbe probe = connect(url, username, password)) {
            return 0;
        } catch (MqttException e) {
            return e.getReasonCode();
        }
    }

    /** Publishes at QoS 1 and returns the PUBACK's reason code (0 = success). */
    public int publish(String topic, String payload) throws MqttException {
        return publish(topic, payload, List.of());
    }

    /** The same, with MQTT 5 user properties. */
    public int publish(String topic, String payload, List<org.eclipse.paho.mqttv5.common.packet.UserProperty> userProperties)
            throws MqttException {
        MqttMessage message = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8), 1, false, null);
        MqttProperties properties = new MqttProperties();
        properties.setUserProperties(userProperties);
        message.setProperties(properties);
        IMqttToken token = client.publish(topic, message);
        try {
            token.waitForCompletion(5_000);
        } catch (MqttException e) {
            return e.getReasonCode();
        }
        int[] codes = token.getReasonCodes();
        return codes == null || codes.length == 0 ? 0 : codes[0];
    }

    /** Subscribes at QoS 1 and returns the SUBACK's reason code (0x01 = granted QoS 1). */
    public int subscribe(String filter) throws MqttException {
        IMqttToken token = client.subscribe(filter, 1);
        token.waitForCompletion(5_000);
        return token.getReasonCodes()[0];
    }

    public boolean isConnected() {
        return client.isConnected();
    }

    public List<String> drain() {
        List<String> out = new java.util.ArrayList<>();
        received.drainTo(out);
        return out;
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect().waitForCompletion(2_000);
            }
            client.close(true);
        } catch (MqttException e) {
            // already gone
        }
    }
}
