package org.aems.ingest.brokerauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.aems.core.brokerauth.BrokerIdentity;
import org.aems.core.brokerauth.IssuedPassword;
import org.aems.core.brokerauth.ServiceRole;
import org.aems.core.grid.SiteId;
import org.aems.testing.MosquittoProcess;
import org.aems.testing.MqttProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * #7 with Mosquitto's static configuration: the password and ACL files rendered from the store (MosquittoFiles), on a
 * real Mosquitto 2.0 that reads them, enforce the same rules as the dynamic-security plugin, with one difference
 * observed on 2.0.11: the ACL file does not refuse a SUBSCRIBE (SUBACK grants any filter); it withholds each message
 * whose topic the account may not read. A gateway subscribed to another site's commands therefore receives nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MosquittoFilesIT {

    static final int NOT_AUTHORIZED = 0x87;
    static final int GRANTED_QOS_1 = 0x01;

    BrokerAuthFixture fixture;
    MosquittoProcess broker;
    IssuedPassword ingest;
    IssuedPassword simulator;
    IssuedPassword dispatcher;
    IssuedPassword gatewayB;
    IssuedPassword gatewayA;
    String a;
    String b;

    @BeforeAll
    void start() {
        fixture = new BrokerAuthFixture();
        BrokerAccounts accounts = new BrokerAccounts(fixture.dataSource, fixture.store, RunningBroker.NONE, Clock.systemUTC(),
                new SecureRandom());
        a = fixture.site("a");
        b = fixture.site("b");
        gatewayA = accounts.issue(new BrokerIdentity.Gateway(SiteId.of(a)), "it").password();
        gatewayB = accounts.issue(new BrokerIdentity.Gateway(SiteId.of(b)), "it").password();
        dispatcher = accounts.issue(new BrokerIdentity.Service(ServiceRole.DISPATCHER), "it").password();
        String revoked = fixture.site("gone");
        accounts.issue(new BrokerIdentity.Gateway(SiteId.of(revoked)), "it");
        accounts.revoke(new BrokerIdentity.Gateway(SiteId.of(revoked)), "it");
        ingest = accounts.issue(new BrokerIdentity.Service(ServiceRole.INGEST), "it").password();
        simulator = accounts.issue(new BrokerIdentity.Service(ServiceRole.SIMULATOR), "it").password();
        String passwords = MosquittoFiles.passwordFile(fixture.store.all());
        String acl = MosquittoFiles.aclFile(fixture.store.all());
        assertThat(passwords).doesNotContain(revoked).doesNotContain(gatewayA.password());
        broker = MosquittoProcess.startWith((port, dir) -> {
            try {
                Files.writeString(dir.resolve("passwd"), passwords);
                Files.writeString(dir.resolve("acl"), acl);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return """
                    listener %d 127.0.0.1
                    allow_anonymous false
                    password_file %s/passwd
                    acl_file %s/acl
                    user root
                    log_dest file %s/mosquitto.log
                    log_type all
                    """.formatted(port, dir, dir, dir);
        });
    }

    @AfterAll
    void stop() throws Exception {
        if (broker != null) {
            broker.close();
        }
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void aGatewayPublishesOnlyToItsOwnSitesTopics() throws Exception { // #7
        try (MqttProbe ingestClient = MqttProbe.connect(broker.url(), ingest.username(), ingest.password());
             MqttProbe gateway = MqttProbe.connect(broker.url(), a, gatewayA.password())) {
            assertThat(ingestClient.subscribe("$share/it/aems/v1/sites/+/telemetry")).isEqualTo(GRANTED_QOS_1);

            assertThat(gateway.publish(BrokerAuthFixture.telemetry(b), "forged")).isEqualTo(NOT_AUTHORIZED);
            assertThat(gateway.publish("aems/v1/sites/" + a + "/commands", "forged")).isEqualTo(NOT_AUTHORIZED);
            assertThat(gateway.publish(BrokerAuthFixture.telemetry(a), "own")).isZero();

            assertThat(ingestClient.received.poll(5, TimeUnit.SECONDS)).isEqualTo(BrokerAuthFixture.telemetry(a) + " own");
            assertThat(ingestClient.received.poll(500, TimeUnit.MILLISECONDS)).isNull();
        }
    }

    @Test
    void aGatewayReceivesOnlyItsOwnCommandsWhateverItSubscribes() throws Exception { // #7
        try (MqttProbe gatewayOfA = MqttProbe.connect(broker.url(), a, gatewayA.password());
             MqttProbe gatewayOfB = MqttProbe.connect(broker.url(), b, gatewayB.password());
             MqttProbe dispatch = MqttProbe.connect(broker.url(), dispatcher.username(), dispatcher.password())) {
            // Mosquitto 2.0.11's acl_file grants these SUBACKs (the dynamic-security plugin refuses them with 0x87) ...
            assertThat(gatewayOfA.subscribe("aems/v1/sites/" + a + "/commands")).isEqualTo(GRANTED_QOS_1);
            assertThat(gatewayOfA.subscribe("aems/v1/sites/" + b + "/commands")).isEqualTo(GRANTED_QOS_1);
            assertThat(gatewayOfA.subscribe("aems/v1/sites/#")).isEqualTo(GRANTED_QOS_1);
            assertThat(gatewayOfB.subscribe("aems/v1/sites/" + b + "/commands")).isEqualTo(GRANTED_QOS_1);

            assertThat(dispatch.publish("aems/v1/sites/" + b + "/commands", "for-b")).isZero();
            assertThat(dispatch.publish("aems/v1/sites/" + a + "/commands", "for-a")).isZero();

            // ... but deliver only what the account may read.
            assertThat(gatewayOfB.received.poll(5, TimeUnit.SECONDS)).isEqualTo("aems/v1/sites/" + b + "/commands for-b");
            assertThat(gatewayOfA.received.poll(5, TimeUnit.SECONDS)).isEqualTo("aems/v1/sites/" + a + "/commands for-a");
            Thread.sleep(500);
            // Its overlapping subscriptions may bring its own command twice; never B's.
            assertThat(gatewayOfA.drain()).allMatch(m -> m.equals("aems/v1/sites/" + a + "/commands for-a"));
        }
    }

    @Test
    void ingestReadsTheBrokersQueueDepth() throws Exception {
        try (MqttProbe ingestClient = MqttProbe.connect(broker.url(), ingest.username(), ingest.password())) {
            assertThat(ingestClient.subscribe("$SYS/broker/store/messages/count")).isEqualTo(GRANTED_QOS_1);
            assertThat(ingestClient.received.poll(5, TimeUnit.SECONDS)).startsWith("$SYS/broker/store/messages/count ");
        }
    }

    @Test
    void theSimulatorPublishesForAnySiteButNotCommands() throws Exception {
        try (MqttProbe sim = MqttProbe.connect(broker.url(), simulator.username(), simulator.password())) {
            assertThat(sim.subscribe("aems/v1/sites/" + b + "/commands")).isEqualTo(GRANTED_QOS_1);
            assertThat(sim.publish(BrokerAuthFixture.telemetry(b), "sim")).isIn(0x00, 0x10);
            assertThat(sim.publish("aems/v1/sites/" + b + "/commands", "forged")).isEqualTo(NOT_AUTHORIZED);
        }
    }

    @Test
    void wrongAndRevokedPasswordsAreRefusedAtConnect() { // #7
        assertThat(MqttProbe.connackOf(broker.url(), a, gatewayA.password() + "x")).isEqualTo(NOT_AUTHORIZED);
        assertThat(MqttProbe.connackOf(broker.url(), fixture.site("gone"), gatewayA.password())).isEqualTo(NOT_AUTHORIZED);
        assertThat(MqttProbe.connackOf(broker.url(), a, gatewayA.password())).isZero();
    }
}
