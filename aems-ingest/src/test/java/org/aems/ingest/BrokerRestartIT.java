package org.aems.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.aems.testing.MosquittoProcess;
import org.aems.testing.TelemetryLoad;
import org.aems.testing.TestRegions;
import org.junit.jupiter.api.Test;

/**
 * The broker restarts mid-stream: ingest reconnects with backoff and finds its persistent session (and
 * subscription) again; gateways re-send what the broker never acknowledged. Nothing is lost or doubled.
 * Loss bound of the broker itself: Mosquitto saves its persistence every autosave_interval (1 s in this
 * test, 60 s in docker/mosquitto/mosquitto.conf); a graceful restart saves everything. // #3
 */
class BrokerRestartIT {

    /** How long the broker stays down: a parameter, short in the suite, 60 s when run as the benchmark says. */
    private static final Duration DOWN = Duration.parse(System.getProperty("aems.fault.broker-down", "PT2S"));

    @Test
    void reconnectsAndLosesNothingWhenTheBrokerRestartsMidStream() throws Exception {
        String prefix = "brk" + UUID.randomUUID().toString().substring(0, 6);
        try (MosquittoProcess broker = MosquittoProcess.start();
             IngestHarness ingest = new IngestHarness(Clock.systemUTC(), org.aems.testing.TestInfrastructure.freshDatabase(), broker.url())) {
            ingest.importRegion(TestRegions.twoSites(prefix));
            ingest.start();
            Instant base = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(2));
            int messages = 2_000;
            try (TelemetryLoad load = new TelemetryLoad(broker.url(), prefix + "-load", List.of(prefix + "-a", prefix + "-b"), base, 50)) {
                CompletableFuture<Void> sending = load.publishInBackground(0, messages, 200);
                Thread.sleep(3_000);
                broker.restartAfter(DOWN);
                await().atMost(Duration.ofSeconds(30)).until(ingest::connected);
                sending.get();
            }
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                    .until(() -> ingest.count("SELECT count(*) FROM telemetry_reading") >= messages * 10L);
            Thread.sleep(1_000);
            assertThat(ingest.count("SELECT count(*) FROM telemetry_reading")).isEqualTo(messages * 10L);
        }
    }
}
