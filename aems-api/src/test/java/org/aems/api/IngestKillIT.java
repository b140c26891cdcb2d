package org.aems.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.aems.testing.MosquittoProcess;
import org.aems.testing.TelemetryLoad;
import org.aems.testing.TestInfrastructure;
import org.aems.testing.TestRegions;
import org.junit.jupiter.api.Test;

/**
 * Two ingest instances — separate JVMs from the packaged jar — split the stream through a shared
 * subscription; one is killed with SIGKILL mid-stream while holding unacknowledged messages, and
 * restarted. Every reading is stored exactly once. // #3
 */
class IngestKillIT {

    private static final Path JAR = Path.of("target", "aems-api.jar");

    @Test
    void aSharedSubscriptionMemberKilledMidBatchLosesAndDoublesNothing() throws Exception {
        String prefix = "kill" + UUID.randomUUID().toString().substring(0, 6);
        String jdbc = TestInfrastructure.freshDatabase();
        List<Process> started = new ArrayList<>();
        try (MosquittoProcess broker = MosquittoProcess.start()) {
            int portA = TestInfrastructure.freePort();
            int portB = TestInfrastructure.freePort();
            Process a = launch(started, jdbc, broker.url(), prefix, "a", portA);
            Process b = launch(started, jdbc, broker.url(), prefix, "b", portB);
            HttpJson httpA = HttpJson.signedIn("http://localhost:" + portA, jdbc);
            HttpJson httpB = HttpJson.signedIn("http://localhost:" + portB, jdbc);
            awaitReady(httpA);
            awaitReady(httpB);
            assertThat(httpA.post("/api/v1/registry/import", "application/yaml", TestRegions.twoSites(prefix)).status()).isEqualTo(200);

            int messages = 6_000;
            Instant base = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(3));
            try (TelemetryLoad load = new TelemetryLoad(broker.url(), prefix + "-gw", List.of(prefix + "-a", prefix + "-b"), base, 100)) {
                CompletableFuture<Void> sending = load.publishInBackground(0, messages, 300);
                Thread.sleep(5_000);
                // Kill B at a moment it holds messages it has not acknowledged.
                double inFlight = 0;
                for (int i = 0; i < 200 && inFlight == 0; i++) {
                    inFlight = gauge(httpB.get("/actuator/prometheus").body(), "aems_ingest_in_flight");
                }
                b.destroyForcibly().waitFor();
                assertThat(inFlight).as("messages B held unacknowledged when it was killed").isGreaterThan(0);
                long storedAtKill = count(jdbc);
                Thread.sleep(3_000);
                assertThat(count(jdbc)).as("A keeps ingesting while B is gone").isGreaterThan(storedAtKill);
                launch(started, jdbc, broker.url(), prefix, "b", portB);
                sending.get();
            }
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> count(jdbc) >= messages * 10L);
            Thread.sleep(1_000);
            assertThat(count(jdbc)).isEqualTo(messages * 10L);
        } finally {
            for (Process p : started) {
                p.destroy();
            }
            for (Process p : started) {
                p.waitFor();
            }
        }
    }

    private static final Path SECRETS = Path.of("target", "ingest-kill-secrets").toAbsolutePath();

    private static Process launch(List<Process> started, String jdbc, String broker, String prefix, String name, int port)
            throws Exception {
        File log = Files.createTempFile("aems-ingest-" + name, ".log").toFile();
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-jar", JAR.toString(),
                "--server.port=" + port,
                "--aems.security.secrets-dir=" + SECRETS,
                "--aems.embedded.enabled=false",
                "--aems.simulator.enabled=false",
                "--spring.datasource.url=" + jdbc,
                "--aems.ingest.mqtt.url=" + broker,
                "--aems.ingest.mqtt.client-id=" + prefix + "-" + name,
                "--aems.ingest.mqtt.shared-group=" + prefix)
                .redirectErrorStream(true).redirectOutput(log).start();
        started.add(p);
        return p;
    }

    private static void awaitReady(HttpJson http) {
        // Anyone may see that it is up; the API key works once the app has migrated its database.
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> http.anonymous().get("/actuator/health").status() > 0);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> http.get("/actuator/health").json().path("components").path("mqttBroker").path("status")
                        .asString("").equals("UP"));
    }

    private static double gauge(String prometheus, String name) {
        for (String line : prometheus.split("\n")) {
            if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return 0;
    }

    private static long count(String jdbc) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM telemetry_reading")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
