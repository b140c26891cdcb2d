package org.aems.ingest.brokerauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.aems.core.brokerauth.BrokerIdentity;
import org.aems.core.brokerauth.IssuedPassword;
import org.aems.core.brokerauth.ServiceRole;
import org.aems.core.grid.SiteId;
import org.aems.testing.MosquittoProcess;
import org.aems.testing.MqttProbe;
import org.junit.jupiter.api.Test;

/**
 * #7 the way docker-compose.yml runs it: the repository's mosquitto.conf with its dynamic-security plugin, the plugin's
 * file made by {@code mosquitto_ctrl dynsec init} with only the admin, the services' accounts created from configured
 * passwords (ServiceAccountBootstrap) and a gateway issued through BrokerAccounts.
 */
class ComposeBrokerIT {

    @Test
    void theRepositoryBrokerConfigAdmitsOnlyAccountsAndTheirTopics() throws Exception {
        SecureRandom random = new SecureRandom();
        IssuedPassword admin = IssuedPassword.generate("aems-admin", random);
        Path file = Files.createTempDirectory("aems-dynsec").resolve("dynamic-security.json");
        Process init = new ProcessBuilder("mosquitto_ctrl", "dynsec", "init", file.toString(), admin.username(), admin.password())
                .redirectErrorStream(true).start();
        assertThat(init.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(init.exitValue()).as(new String(init.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();

        try (BrokerAuthFixture fixture = new BrokerAuthFixture();
             MosquittoProcess broker = MosquittoProcess.startWithRepositoryConfig(file);
             DynamicSecurityClient dynsec = new DynamicSecurityClient(
                     new DynamicSecuritySettings(broker.url(), admin.username(), admin.password(), null))) {
            BrokerAccounts accounts = new BrokerAccounts(fixture.dataSource, fixture.store, dynsec, Clock.systemUTC(), random);
            String ingestPassword = IssuedPassword.generate("aems-ingest", random).password();
            try (ServiceAccountBootstrap bootstrap = new ServiceAccountBootstrap(accounts, Map.of(ServiceRole.INGEST, ingestPassword))) {
                bootstrap.start();
                await().atMost(Duration.ofSeconds(10)).until(bootstrap::done);
            }
            // Configured again (a restart): the stored hash matches, so nothing changes and nobody is disconnected.
            assertThat(accounts.ensure(new BrokerIdentity.Service(ServiceRole.INGEST), ingestPassword, "it")).isFalse();
            String site = fixture.site("a");
            IssuedPassword gateway = accounts.issue(new BrokerIdentity.Gateway(SiteId.of(site)), "it").password();

            assertThat(MqttProbe.connackOf(broker.url(), null, null)).isEqualTo(0x87);
            try (MqttProbe ingest = MqttProbe.connect(broker.url(), "aems-ingest", ingestPassword);
                 MqttProbe gw = MqttProbe.connect(broker.url(), site, gateway.password())) {
                assertThat(ingest.subscribe("$share/aems-ingest/aems/v1/sites/+/telemetry")).isEqualTo(0x01);
                assertThat(ingest.subscribe("$SYS/broker/store/messages/count")).isEqualTo(0x01);
                assertThat(gw.publish(BrokerAuthFixture.telemetry(fixture.site("b")), "forged")).isEqualTo(0x87);
                assertThat(gw.publish(BrokerAuthFixture.telemetry(site), "own")).isZero();
                await().atMost(Duration.ofSeconds(15)).until(() -> ingest.drain().stream()
                        .anyMatch(m -> m.equals(BrokerAuthFixture.telemetry(site) + " own")));
            }
        }
    }
}
