package org.aems.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.aems.testing.MosquittoProcess;
import org.aems.testing.TelemetryLoad;
import org.aems.testing.TestInfrastructure;
import org.aems.testing.TestRegions;
import org.junit.jupiter.api.Test;

/** Gateways replay: a whole day twice, and six hours of buffer out of order after an outage. // #3 */
class ReplayIT {

    @Test
    void aDayReplayedTwiceLeavesTheRowCountAndCountsEveryRepeatAsDuplicate() throws Exception {
        String prefix = "rep" + UUID.randomUUID().toString().substring(0, 6);
        try (MosquittoProcess broker = MosquittoProcess.start();
             IngestHarness ingest = new IngestHarness(Clock.systemUTC(), TestInfrastructure.freshDatabase(), broker.url())) {
            ingest.importRegion(TestRegions.twoSites(prefix));
            ingest.start();
            // Two sites, one message each every 30 s for a day: 5,760 messages, 57,600 readings.
            Instant dayStart = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(2));
            int messages = 2 * 2_880;
            try (TelemetryLoad load = new TelemetryLoad(broker.url(), prefix + "-gw", List.of(prefix + "-a", prefix + "-b"),
                    dayStart, 200)) {
                load.publish(0, messages, 0);
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                        .until(() -> ingest.count("SELECT count(*) FROM telemetry_reading") >= messages * 10L);
                double duplicatesBefore = ingest.counter("duplicate", "none");

                load.publish(0, messages, 0);
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                        .until(() -> ingest.counter("duplicate", "none") >= duplicatesBefore + messages * 10.0);
            }
            assertThat(ingest.count("SELECT count(*) FROM telemetry_reading")).isEqualTo(messages * 10L);
            assertThat(ingest.counter("duplicate", "none")).isEqualTo(messages * 10.0);
            assertThat(ingest.counter("accepted", "none")).isEqualTo(messages * 10.0);
        }
    }

    @Test
    void aGatewayBackAfterSixHoursIsIngestedCompletelyInAnyOrder() throws Exception {
        String prefix = "bkf" + UUID.randomUUID().toString().substring(0, 6);
        try (MosquittoProcess broker = MosquittoProcess.start();
             IngestHarness ingest = new IngestHarness(Clock.systemUTC(), TestInfrastructure.freshDatabase(), broker.url())) {
            ingest.importRegion(TestRegions.twoSites(prefix));
            ingest.start();
            // One message every 10 s for 6 hours, buffered, then flushed at once in shuffled order.
            Instant outageStart = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(6));
            List<Long> order = new ArrayList<>();
            for (long i = 0; i < 6 * 360; i++) {
                order.add(i);
            }
            Collections.shuffle(order, new Random(3));
            try (TelemetryLoad load = new TelemetryLoad(broker.url(), prefix + "-gw", List.of(prefix + "-a"),
                    outageStart.minusSeconds(0), 200)) {
                for (long i : order) {
                    load.publishOne(i * 10);
                }
                load.publish(0, 0, 0);
            }
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                    .until(() -> ingest.count("SELECT count(*) FROM telemetry_reading") >= order.size() * 10L);
            assertThat(ingest.count("SELECT count(*) FROM telemetry_reading")).isEqualTo(order.size() * 10L);
            assertThat(ingest.count("SELECT count(*) FROM telemetry_rejection")).isZero();
            assertThat(ingest.count("SELECT count(DISTINCT ts) FROM telemetry_reading")).isEqualTo(order.size());
        }
    }
}
