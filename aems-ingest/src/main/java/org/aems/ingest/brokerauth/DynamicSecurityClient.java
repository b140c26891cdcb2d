package org.aems.ingest.brokerauth;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.aems.core.brokerauth.BrokerIdentity;
import org.aems.core.brokerauth.IssuedPassword;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Applies account changes to Mosquitto's dynamic-security plugin over {@code $CONTROL/dynamic-security/v1}, as its
 * admin account. The plugin disconnects a client at once when its account is deleted, which is what revocation needs
 * (a password file only takes effect at the next CONNECT). One command batch at a time; each waits for its answer.
 */
public final class DynamicSecurityClient implements RunningBroker, AutoCloseable {

    static final String COMMAND_TOPIC = "$CONTROL/dynamic-security/v1";
    static final String RESPONSE_TOPIC = COMMAND_TOPIC + "/response";
    private static final Logger log = LoggerFactory.getLogger(DynamicSecurityClient.class);

    private final DynamicSecuritySettings settings;
    private final Map<String, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final MqttAsyncClient client;

    public DynamicSecurityClient(DynamicSecuritySettings settings) {
        this.settings = settings;
        try {
            client = new MqttAsyncClient(settings.url(), "aems-dynsec-" + UUID.randomUUID().toString().substring(0, 8), new MemoryPersistence());
        } catch (MqttException e) {
            throw new IllegalArgumentException("invalid " + settings + ": " + e.getMessage(), e);
        }
        client.setCallback(new Responses());
    }

    public DynamicSecuritySettings settings() {
        return settings;
    }

    @Override
    public void issue(BrokerIdentity identity, IssuedPassword password) {
        String role = DynamicSecurityJson.roleName(identity);
        ObjectNode createRole = command("createRole").put("rolename", role);
        createRole.set("acls", DynamicSecurityJson.acls(identity));
        if (isError(send(createRole), "Role already exists")) {
            // Kept from an earlier issue: make sure it holds today's rules (an ACL it has already is not an error).
            for (JsonNode acl : DynamicSecurityJson.acls(identity)) {
                ObjectNode add = command("addRoleACL").put("rolename", role);
                acl.properties().forEach(e -> add.set(e.getKey(), e.getValue()));
                send(add);
            }
        }
        ObjectNode create = command("createClient").put("username", identity.username()).put("password", password.password());
        create.putArray("roles").addObject().put("rolename", role);
        if (isError(send(create), "Client already exists")) {
            expectOk(send(command("setClientPassword").put("username", identity.username()).put("password", password.password())));
            expectOk(send(command("enableClient").put("username", identity.username())));
            send(command("addClientRole").put("username", identity.username()).put("rolename", role));
        }
    }

    @Override
    public void revoke(BrokerIdentity identity) {
        JsonNode answer = send(command("deleteClient").put("username", identity.username()));
        if (!isError(answer, "Client not found")) {
            expectOk(answer);
        }
    }

    /** Sends one command and returns the plugin's answer to it (with {@code error} set if it refused). */
    JsonNode send(ObjectNode command) {
        String correlation = UUID.randomUUID().toString();
        command.put("correlationData", correlation);
        ObjectNode batch = DynamicSecurityJson.JSON.createObjectNode();
        batch.putArray("commands").add(command);
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(correlation, answer);
        try {
            connected().publish(COMMAND_TOPIC, DynamicSecurityJson.JSON.writeValueAsBytes(batch), 1, false)
                    .waitForCompletion(settings.timeout().toMillis());
            return answer.get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (MqttException | ExecutionException | TimeoutException e) {
            throw new BrokerUnavailableException("the broker's dynamic-security plugin did not answer '" + command.path("command").asString()
                    + "' [url: " + settings.url() + "]: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerUnavailableException("interrupted while waiting for the dynamic-security plugin", e);
        } finally {
            pending.remove(correlation);
        }
    }

    private synchronized MqttAsyncClient connected() throws MqttException {
        if (!client.isConnected()) {
            MqttConnectionOptions options = new MqttConnectionOptions();
            options.setUserName(settings.username());
            options.setPassword(settings.password().getBytes(StandardCharsets.UTF_8));
            options.setCleanStart(true);
            options.setConnectionTimeout((int) Math.max(1, settings.timeout().toSeconds()));
            client.connect(options).waitForCompletion(settings.timeout().toMillis());
            IMqttToken subscribed = client.subscribe(RESPONSE_TOPIC, 1);
            subscribed.waitForCompletion(settings.timeout().toMillis());
            int granted = subscribed.getReasonCodes()[0];
            if (granted > 2) {
                client.disconnect();
                throw new BrokerUnavailableException("account '" + settings.username() + "' may not read " + RESPONSE_TOPIC
                        + " (SUBACK reason 0x" + Integer.toHexString(granted) + "): is it the dynamic-security admin?");
            }
            log.info("connected to the broker's dynamic-security plugin [url: {}, username: {}]", settings.url(), settings.username());
        }
        return client;
    }

    private static ObjectNode command(String name) {
        return DynamicSecurityJson.JSON.createObjectNode().put("command", name);
    }

    private static boolean isError(JsonNode answer, String error) {
        return error.equals(answer.path("error").asString(""));
    }

    private static void expectOk(JsonNode answer) {
        if (answer.hasNonNull("error")) {
            throw new BrokerUnavailableException("the dynamic-security plugin refused '" + answer.path("command").asString() + "': "
                    + answer.path("error").asString());
        }
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect().waitForCompletion(2_000);
            }
            client.close();
        } catch (MqttException e) {
            log.warn("closing the dynamic-security client failed: {}", e.getMessage());
        }
    }

    private final class Responses implements MqttCallback {
        @Override
        public void messageArrived(String topic, MqttMessage message) {
            JsonNode root = DynamicSecurityJson.JSON.readTree(message.getPayload());
            List<JsonNode> answers = new ArrayList<>();
            root.path("responses").forEach(answers::add);
            for (JsonNode answer : answers) {
                CompletableFuture<JsonNode> waiting = pending.get(answer.path("correlationData").asString(""));
                if (waiting != null) {
                    waiting.complete(answer);
                }
            }
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
            log.warn("disconnected from the dynamic-security plugin [url: {}, reason: {}]; reconnecting at the next change",
                    settings.url(), response.getReasonString());
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            log.warn("dynamic-security client error [url: {}]: {}", settings.url(), exception.getMessage());
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
    }
}
