package org.aems.ingest.brokerauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.aems.core.brokerauth.BrokerIdentity;
import org.aems.core.brokerauth.IssuedPassword;
import org.aems.core.brokerauth.ServiceRole;
import org.aems.core.grid.SiteId;
import org.aems.ingest.embedded.EmbeddedBroker;
import org.aems.ingest.embedded.EmbeddedBrokerAuth;
import org.aems.testing.MqttProbe;
import org.aems.testing.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * #7 on the embedded HiveMQ of the default run: the same accounts and rules as on Mosquitto (DynamicSecurityIT), read
 * from the same store by EmbeddedBrokerAuth.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmbeddedBrokerAuthIT {

    static final int NOT_AUTHORIZED = 0x87;
    static final int GRANTED_QOS_1 = 0x01;
    static final int ADMINISTRATIVE_ACTION = 0x98;

    final SecureRandom random = new SecureRandom();
    BrokerAuthFixture fixture;
    EmbeddedBroker broker;
    BrokerAccounts accounts;
    IssuedPassword ingest;

    @BeforeAll
    void start() throws Exception {
        fixture = new BrokerAuthFixture();
        EmbeddedBrokerAuth auth = new EmbeddedBrokerAuth(AccountLookup.of(fixture.store));
        broker = EmbeddedBroker.start(Files.createTempDirectory("aems-hivemq-auth"), TestInfrastructure.freePort(), auth);
        accounts = new BrokerAccounts(fixture.dataSource, fixture.store, auth, Clock.systemUTC(), random);
        ingest = accounts.issue(new BrokerIdentity.Service(ServiceRole.INGEST), "it").password();
    }

    @AfterAll
    void stop() {
        if (broker != null) {
            broker.close();
        }
        if (fixture != null) {
            fixture.close();
        }
    }

    IssuedPassword provision(String site) {
        return accounts.issue(new BrokerIdentity.Gateway(SiteId.of(site)), "it").password();
    }

    @Test
    void aGatewayIsConfinedToItsOwnSite() throws Exception { // #7
        String a = fixture.site("a");
        String b = fixture.site("b");
        IssuedPassword gatewayA = provision(a);
        provision(b);
        try (MqttProbe ingestClient = MqttProbe.connect(broker.url(), ingest.username(), ingest.password());
             MqttProbe gateway = MqttProbe.connect(broker.url(), a, gatewayA.password())) {
            assertThat(ingestClient.subscribe("$share/it/aems/v1/sites/+/telemetry")).isEqualTo(GRANTED_QOS_1);
            assertThat(ingestClient.subscribe("aems/v1/sites/+/commands")).isEqualTo(NOT_AUTHORIZED);
            assertThat(gateway.subscribe("aems/v1/sites/" + a + "/commands")).isEqualTo(GRANTED_QOS_1);
            assertThat(gateway.subscribe("aems/v1/sites/" + b + "/commands")).isEqualTo(NOT_AUTHORIZED);

            // HiveMQ CE, unlike Mosquitto, also drops the connection: PUBACK 0x87, then DISCONNECT 0x87.
            assertThat(gateway.publish(BrokerAuthFixture.telemetry(b), "forged")).isEqualTo(NOT_AUTHORIZED);
            assertThat(gateway.disconnectedWith.get(5, TimeUnit.SECONDS)).isEqualTo(NOT_AUTHORIZED);
        }
        try (MqttProbe ingestClient = MqttProbe.connect(broker.url(), ingest.username(), ingest.password());
             MqttProbe gateway = MqttProbe.connect(broker.url(), a, gatewayA.password())) {
            assertThat(ingestClient.subscribe("$share/it/aems/v1/sites/+/telemetry")).isEqualTo(GRANTED_QOS_1);
            assertThat(gateway.publish(BrokerAuthFixture.telemetry(a), "own")).isZero();
            assertThat(ingestClient.received.poll(5, TimeUnit.SECONDS)).isEqualTo(BrokerAuthFixture.telemetry(a) + " own");
            assertThat(ingestClient.received.poll(500, TimeUnit.MILLISECONDS)).isNull();
            // The broker names the publishing account to ingest, whatever the gateway claimed.
            assertThat(ingestClient.publishers.poll(1, TimeUnit.SECONDS)).isEqualTo(a);
            assertThat(gateway.publish(BrokerAuthFixture.telemetry(a), "claims another",
                    java.util.List.of(new org.eclipse.paho.mqttv5.common.packet.UserProperty("aems-publisher", b)))).isZero();
            assertThat(ingestClient.received.poll(5, TimeUnit.SECONDS)).endsWith(" claims another");
            assertThat(ingestClient.publishers.poll(1, TimeUnit.SECONDS)).isEqualTo(a);
        }
    }

    @Test
    void wrongUnknownAndMissingPasswordsAreRefusedAtConnect() { // #7
        String a = fixture.site("pw");
        IssuedPassword gatewayA = provision(a);
        assertThat(MqttProbe.connackOf(broker.url(), a, gatewayA.password() + "x")).isEqualTo(NOT_AUTHORIZED);
        assertThat(MqttProbe.connackOf(broker.url(), fixture.site("nobody"), gatewayA.password())).isEqualTo(NOT_AUTHORIZED);
        assertThat(MqttProbe.connackOf(broker.url(), a, "")).isEqualTo(NOT_AUTHORIZED);
        assertThat(MqttProbe.connackOf(broker.url(), a, gatewayA.password())).isZero();
    }

    @Test
    void aRevokedCredentialDisconnectsTheConnectedGatewayAndCannotReconnect() throws Exception { // #7
        String a = fixture.site("rv");
        IssuedPassword gatewayA = provision(a);
        try (MqttProbe gateway = MqttProbe.connect(broker.url(), a, gatewayA.password())) {
            accounts.revoke(new BrokerIdentity.Gateway(SiteId.of(a)), "it");
            assertThat(gateway.disconnectedWith.get(5, TimeUnit.SECONDS)).isEqualTo(ADMINISTRATIVE_ACTION);
        }
        assertThat(MqttProbe.connackOf(broker.url(), a, gatewayA.password())).isEqualTo(NOT_AUTHORIZED);
    }

    @Test
    void rotationRetiresTheOldPassword() throws Exception { // #7
        String a = fixture.site("rot");
        IssuedPassword first = provision(a);
        IssuedPassword second;
        try (MqttProbe gateway = MqttProbe.connect(broker.url(), a, first.password())) {
            second = accounts.issue(new BrokerIdentity.Gateway(SiteId.of(a)), "it").password();
            assertThat(gateway.disconnectedWith.get(5, TimeUnit.SECONDS)).isEqualTo(ADMINISTRATIVE_ACTION);
        }
        assertThat(MqttProbe.connackOf(broker.url(), a, first.password())).isEqualTo(NOT_AUTHORIZED);
        assertThat(MqttProbe.connackOf(broker.url(), a, second.password())).isZero();
    }
}
