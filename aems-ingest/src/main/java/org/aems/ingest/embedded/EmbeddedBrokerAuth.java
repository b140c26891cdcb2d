package org.aems.ingest.embedded;

import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.auth.SimpleAuthenticator;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthInput;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthOutput;
import com.hivemq.extension.sdk.api.auth.parameter.TopicPermission;
import com.hivemq.extension.sdk.api.packets.auth.DefaultAuthorizationBehaviour;
import com.hivemq.extension.sdk.api.packets.connect.ConnackReasonCode;
import com.hivemq.extension.sdk.api.packets.disconnect.DisconnectReasonCode;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;
import com.hivemq.extension.sdk.api.services.builder.Builders;
import com.hivemq.extension.sdk.api.services.session.ClientService;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.aems.core.brokerauth.Access;
import org.aems.core.brokerauth.BrokerAcl;
import org.aems.core.brokerauth.BrokerIdentity;
import org.aems.core.brokerauth.IssuedPassword;
import org.aems.core.brokerauth.PasswordHash;
import org.aems.core.brokerauth.TopicRule;
import org.aems.ingest.brokerauth.AccountLookup;
import org.aems.ingest.brokerauth.RunningBroker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ACL model (ADR 0017) inside the embedded HiveMQ: an embedded extension that checks every CONNECT's password
 * against the account's stored $7$ hash and gives the client exactly its {@link BrokerAcl} rules as topic
 * permissions, everything else denied. Unlike Mosquitto, HiveMQ CE answers a forbidden PUBLISH with PUBACK 0x87 and then
 * DISCONNECT 0x87 (EmbeddedBrokerAuthIT). As a {@link RunningBroker} it disconnects an account's clients when the account
 * is revoked or re-passworded, as Mosquitto's dynamic-security plugin does.
 */
public final class EmbeddedBrokerAuth implements ExtensionMain, RunningBroker {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedBrokerAuth.class);

    private final AccountLookup accounts;
    /** Who each client id last authenticated as: a client id can move to another account between connections. */
    private final Map<String, String> usernameByClient = new ConcurrentHashMap<>();
    private volatile ClientService clients;

    public EmbeddedBrokerAuth(AccountLookup accounts) {
        this.accounts = accounts;
    }

    @Override
    public void extensionStart(ExtensionStartInput input, ExtensionStartOutput output) {
        clients = Services.clientService();
        SimpleAuthenticator authenticator = this::authenticate;
        Services.securityRegistry().setAuthenticatorProvider(providerInput -> authenticator);
        // Tell subscribers (ingest) which account published each message, replacing anything a client claimed.
        com.hivemq.extension.sdk.api.interceptor.publish.PublishInboundInterceptor stamp = (in, out) -> {
            var properties = out.getPublishPacket().getUserProperties();
            properties.removeName(BrokerIdentity.PUBLISHER_PROPERTY);
            String username = usernameByClient.get(in.getClientInformation().getClientId());
            if (username != null) {
                properties.addUserProperty(BrokerIdentity.PUBLISHER_PROPERTY, username);
            }
        };
        Services.initializerRegistry().setClientInitializer((init, client) -> client.addPublishInboundInterceptor(stamp));
    }

    @Override
    public void extensionStop(ExtensionStopInput input, ExtensionStopOutput output) {
    }

    private void authenticate(SimpleAuthInput input, SimpleAuthOutput output) {
        Optional<String> username = input.getConnectPacket().getUserName();
        Optional<ByteBuffer> password = input.getConnectPacket().getPassword();
        String clientId = input.getClientInformation().getClientId();
        Optional<BrokerIdentity> identity = username.flatMap(EmbeddedBrokerAuth::identity);
        Optional<PasswordHash> hash;
        try {
            hash = identity.flatMap(id -> accounts.activeHash(id.username()));
        } catch (RuntimeException e) {
            log.warn("cannot read broker accounts, refusing [client-id: {}]: {}", clientId, e.getMessage());
            output.failAuthentication(ConnackReasonCode.SERVER_UNAVAILABLE, "account store unavailable");
            return;
        }
        if (hash.isEmpty() || password.isEmpty() || !hash.get().matches(utf8(password.get()))) {
            // 0x87 as Mosquitto 2.0 answers, so a gateway sees one code whichever broker it meets.
            output.failAuthentication(ConnackReasonCode.NOT_AUTHORIZED, "bad user name or password");
            return;
        }
        for (TopicRule rule : BrokerAcl.rulesFor(identity.get())) {
            output.getDefaultPermissions().add(permission(rule));
        }
        output.getDefaultPermissions().setDefaultBehaviour(DefaultAuthorizationBehaviour.DENY);
        usernameByClient.put(clientId, identity.get().username());
        output.authenticateSuccessfully();
    }

    private static TopicPermission permission(TopicRule rule) {
        return Builders.topicPermission().topicFilter(rule.filter()).type(TopicPermission.PermissionType.ALLOW)
                .activity(rule.access() == Access.PUBLISH ? TopicPermission.MqttActivity.PUBLISH : TopicPermission.MqttActivity.SUBSCRIBE)
                // A shared subscription is judged by its filter, whatever the group (BrokerAcl).
                .sharedSubscription(TopicPermission.SharedSubscription.ALL).build();
    }

    private static Optional<BrokerIdentity> identity(String username) {
        try {
            return Optional.of(BrokerIdentity.ofUsername(username));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String utf8(ByteBuffer buffer) {
        ByteBuffer copy = buffer.asReadOnlyBuffer();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** The store holds the new hash; clients connected with the old password are dropped, as on Mosquitto. */
    @Override
    public void issue(BrokerIdentity identity, IssuedPassword password) {
        disconnectAll(identity.username(), "credential rotated");
    }

    @Override
    public void revoke(BrokerIdentity identity) {
        disconnectAll(identity.username(), "credential revoked");
    }

    private void disconnectAll(String username, String why) {
        ClientService service = clients;
        if (service == null) {
            return;
        }
        List<String> ids = usernameByClient.entrySet().stream().filter(e -> e.getValue().equals(username)).map(Map.Entry::getKey).toList();
        int dropped = 0;
        for (String clientId : ids) {
            if (usernameByClient.remove(clientId, username)
                    && service.disconnectClient(clientId, false, DisconnectReasonCode.ADMINISTRATIVE_ACTION, why).join()) {
                dropped++;
            }
        }
        log.info("disconnected the clients of a broker account [username: {}, clients: {}, reason: {}]", username, dropped, why);
    }
}
