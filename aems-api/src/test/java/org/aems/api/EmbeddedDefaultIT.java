package org.aems.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Callable;
import org.aems.testing.MqttProbe;
import org.aems.testing.TestInfrastructure;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The README's run command as a test: the default configuration starts embedded PostgreSQL, the
 * embedded broker, ingest, the API and the simulator on the demo region; simulated readings appear in
 * the API; after a restart on the same data directory they are still there, and new ones keep coming.
 */
class EmbeddedDefaultIT {

    @Test
    void runsTheDemoRegionWithNothingInstalledAndKeepsItsDataAcrossARestart() throws Exception {
        Path dataDir = Files.createTempDirectory("aems-embedded-it");
        int postgresPort = TestInfrastructure.freePort();
        int mqttPort = TestInfrastructure.freePort();
        String[] args = {
                "--server.port=0",
                "--aems.embedded.data-dir=" + dataDir,
                "--aems.embedded.postgres-port=" + postgresPort,
                "--aems.embedded.mqtt-port=" + mqttPort,
                "--aems.ingest.mqtt.url=tcp://127.0.0.1:" + mqttPort,
                "--aems.simulator.broker-url=tcp://127.0.0.1:" + mqttPort,
                "--aems.simulator.interval=1s"};

        long firstRun;
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(AemsApplication.class).run(args)) {
            HttpJson http = HttpJson.signedIn("http://localhost:" + app.getEnvironment().getProperty("local.server.port"), app);
            assertThat(http.get("/api/v1/sites").json().get("total").asInt()).isEqualTo(50);
            awaitOrExplain(app, Duration.ofSeconds(60), () -> readings(http) >= 7);
            // Readings must keep arriving, not just the first few: a broker interceptor once stalled delivery to
            // ingest after 3-11 messages on a fresh start (2026-12-06), and waiting for 7 readings did not see it.
            awaitOrExplain(app, Duration.ofSeconds(90), () -> messages(http) >= 30);
            firstRun = readings(http);
            // ADR 0020: on the embedded broker, ingest and the dispatcher subscribe plainly (shared ones stalled).
            assertThat(app.getBean(org.aems.ingest.mqtt.MqttSettings.class).telemetryFilter()).isEqualTo("aems/v1/sites/+/telemetry");
            assertThat(org.springframework.boot.context.properties.bind.Binder.get(app.getEnvironment())
                    .bindOrCreate("aems.optimizer.dispatch", org.aems.optimizer.dispatch.DispatchSettings.class).sharedGroup()).isEmpty();
            assertThat(http.get("/api/v1/sites/demo-001/readings?quantity=meter.power").json().get("readings").get(0)
                    .get("unit").asString()).isEqualTo("W");

            // #7: the embedded broker admits only issued accounts (the in-process services have their own), each to its site.
            String broker = "tcp://127.0.0.1:" + mqttPort;
            assertThat(MqttProbe.connackOf(broker, "demo-001", "guessed")).isEqualTo(0x87);
            assertThat(MqttProbe.connackOf(broker, "aems-ingest", "guessed")).isEqualTo(0x87);
            HttpJson.Response issued = http.post("/api/v1/admin/gateways/demo-001/credentials", "application/json", "");
            assertThat(issued.status()).as(issued.body()).isEqualTo(201);
            try (MqttProbe gateway = MqttProbe.connect(broker, "demo-001", issued.json().get("password").asString())) {
                assertThat(gateway.subscribe("aems/v1/sites/demo-002/commands")).isEqualTo(0x87);
                assertThat(gateway.publish("aems/v1/sites/demo-001/status", "{}")).isIn(0x00, 0x10);
                assertThat(gateway.publish("aems/v1/sites/demo-002/telemetry", "{}")).isEqualTo(0x87);
                assertThat(http.delete("/api/v1/admin/gateways/demo-001/credentials", "application/json", "").status()).isEqualTo(200);
            }

            // Ctrl-C while an operator's dashboard is open: its live stream must not hold the stop up (the web server's
            // graceful shutdown waited its full 30 s for it; the embedded services take ~5 s to stop here).
            var dashboard = http.openStream("/api/v1/dashboard/stream");
            assertThat(dashboard.statusCode()).isEqualTo(200);
            try (var open = dashboard.body()) {
                long stopping = System.nanoTime();
                app.close();
                assertThat(Duration.ofNanos(System.nanoTime() - stopping)).isLessThan(Duration.ofSeconds(25));
            }
        }

        // The same command again: the demo region is imported again over the registry it left.
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(AemsApplication.class).run(args)) {
            HttpJson http = HttpJson.signedIn("http://localhost:" + app.getEnvironment().getProperty("local.server.port"), app);
            assertThat(readings(http)).isGreaterThanOrEqualTo(firstRun);
            // The simulated meters resume their registers (data/simulator/registers.properties): readings keep being
            // stored after the restart, none refused for a register below the last run's.
            long before = messages(http);
            awaitOrExplain(app, Duration.ofSeconds(60), () -> messages(http) >= before + 5);
            MeterRegistry metrics = app.getBean(MeterRegistry.class);
            assertThat(metrics.get("aems.ingest.readings").tag("outcome", "rejected").tag("reason", "REGISTER_DECREASED")
                    .counter().count()).isZero();
            assertThat(metrics.get("aems.ingest.readings").tag("outcome", "accepted").counter().count()).isPositive();
            assertThat(dataDir.resolve("simulator/registers.properties")).isNotEmptyFile();
        }
    }

    /** Waits like Awaitility; on timeout the failure carries ingest's meters and threads (a CI log has nothing else). */
    private static void awaitOrExplain(ConfigurableApplicationContext app, Duration atMost, Callable<Boolean> condition) {
        try {
            await().atMost(atMost).until(condition);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(e.getMessage() + "\n" + IngestDiagnosis.of(app), e);
        }
    }

    /** Distinct gateway messages stored for demo-001 (the simulator sends one per second here). */
    private static long messages(HttpJson http) {
        var readings = http.get("/api/v1/sites/demo-001/readings?limit=10000").json().get("readings");
        Set<String> ids = new HashSet<>();
        readings.forEach(r -> ids.add(r.get("messageId").asString()));
        return ids.size();
    }

    private static long readings(HttpJson http) {
        return http.get("/api/v1/sites/demo-001/readings?limit=10000").json().get("readings").size();
    }
}
