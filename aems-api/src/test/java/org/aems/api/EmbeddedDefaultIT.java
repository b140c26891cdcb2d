package org.aems.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.aems.testing.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The README's run command as a test: the default configuration starts embedded PostgreSQL, the
 * embedded broker, ingest, the API and the simulator on the demo region; simulated readings appear in
 * the API; after a restart on the same data directory they are still there.
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
            await().atMost(Duration.ofSeconds(60)).until(() -> readings(http) >= 7);
            firstRun = readings(http);
            assertThat(http.get("/api/v1/sites/demo-001/readings?quantity=meter.power").json().get("readings").get(0)
                    .get("unit").asString()).isEqualTo("W");
        }

        // The same command again: the demo region is imported again over the registry it left.
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(AemsApplication.class).run(args)) {
            HttpJson http = HttpJson.signedIn("http://localhost:" + app.getEnvironment().getProperty("local.server.port"), app);
            assertThat(readings(http)).isGreaterThanOrEqualTo(firstRun);
        }
    }

    private static long readings(HttpJson http) {
        return http.get("/api/v1/sites/demo-001/readings?limit=10000").json().get("readings").size();
    }
}
