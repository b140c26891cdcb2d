package org.aems.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.aems.ingest.embedded.EmbeddedBroker;
import org.aems.testing.MosquittoProcess;
import org.aems.testing.TelemetryLoad;
import org.aems.testing.TestInfrastructure;
import org.aems.testing.TestRegions;
import org.junit.jupiter.api.Test;

/**
 * The brokers we ship hold what arrives while ingest is away, far beyond the defaults that silently
 * drop QoS 1 messages (Mosquitto 1,000 queued, HiveMQ 1,000). 10,000 messages here, 10x the default;
 * the configured limit (3,000,000) covers a 15-minute outage at 3,000 msg/s. // #3
 */
class BrokerQueueIT {

    private static final int MESSAGES = 10_000;

    @Test
    void theRepositoryMosquittoConfigurationKeepsAnOutagesWorthOfMessages() throws Exception {
        try (MosquittoProcess broker = MosquittoProcess.startWithRepositoryConfig()) {
            queuesWhileIngestIsAway(broker.url());
        }
    }

    @Test
    void theEmbeddedBrokerKeepsAnOutagesWorthOfMessages() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start(Files.createTempDirectory("aems-hivemq"), TestInfrastructure.freePort())) {
            queuesWhileIngestIsAway(broker.url());
        }
    }

    private static void queuesWhileIngestIsAway(String url) throws Exception {
        String prefix = "que" + UUID.randomUUID().toString().substring(0, 6);
        try (IngestHarness ingest = new IngestHarness(Clock.systemUTC(), TestInfrastructure.freshDatabase(), url)) {
            ingest.importRegion(TestRegions.twoSites(prefix));
            ingest.start();
            ingest.stop();
            Instant base = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(3));
            try (TelemetryLoad load = new TelemetryLoad(url, prefix + "-gw", List.of(prefix + "-a", prefix + "-b"), base, 8)) {
                load.publish(0, MESSAGES, 0);
            }
            ingest.start();
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                    .until(() -> ingest.count("SELECT count(*) FROM telemetry_reading") >= MESSAGES * 10L);
            assertThat(ingest.count("SELECT count(*) FROM telemetry_reading")).isEqualTo(MESSAGES * 10L);
        }
    }
}
