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
import org.aems.testing.OwnedPostgres;
import org.aems.testing.TelemetryLoad;
import org.aems.testing.TestRegions;
import org.junit.jupiter.api.Test;

/**
 * The database crashes (pg_ctl stop -m immediate) under load and comes back: ingest stops
 * acknowledging, reports DOWN, resumes by itself, and every reading sent is stored exactly once. // #3
 */
class DatabaseOutageIT {

    /** Outage length: 12 s in the suite; the benchmark runs 60 s (-Daems.fault.outage=PT60S). */
    private static final Duration OUTAGE = Duration.parse(System.getProperty("aems.fault.outage", "PT12S"));

    @Test
    void losesNothingAndDoublesNothingWhenTheDatabaseCrashesUnderLoad() throws Exception {
        String prefix = "dbo" + UUID.randomUUID().toString().substring(0, 6);
        try (OwnedPostgres postgres = new OwnedPostgres();
             MosquittoProcess broker = MosquittoProcess.start();
             IngestHarness ingest = new IngestHarness(Clock.systemUTC(), postgres.jdbcUrl(), broker.url())) {
            ingest.importRegion(TestRegions.twoSites(prefix));
            ingest.start();
            Instant base = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(1));
            int messages = 3_000;
            try (TelemetryLoad load = new TelemetryLoad(broker.url(), prefix + "-load", List.of(prefix + "-a", prefix + "-b"), base, 100)) {
                // 150 msg/s for 20 s: the outage falls in the middle of the stream.
                CompletableFuture<Void> sending = load.publishInBackground(0, messages, 150);
                Thread.sleep(4_000);
                postgres.crash();
                await().atMost(Duration.ofSeconds(10)).until(() -> !ingest.writer().isStoreHealthy());
                Thread.sleep(OUTAGE.toMillis());
                assertThat(ingest.writer().isStoreHealthy()).as("health stays DOWN while the database is away").isFalse();
                postgres.start();
                sending.get();
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
            while (ingest.count("SELECT count(*) FROM telemetry_reading") < messages * 10L && System.nanoTime() < deadline) {
                Thread.sleep(500);
            }

            Thread.sleep(1_000);
            assertThat(ingest.count("SELECT count(*) FROM telemetry_reading")).as("readings stored").isEqualTo(messages * 10L);
            assertThat(ingest.count("SELECT count(*) FROM telemetry_rejection")).isZero();
            assertThat(ingest.writer().isStoreHealthy()).isTrue();
            assertThat(ingest.count("SELECT count(*) FROM alert WHERE kind = 'INGEST_STORE_FAILING' AND resolved_at IS NOT NULL"))
                    .as("the outage is on record as a resolved alert").isEqualTo(1);
            // A commit whose answer was lost in the crash is retried: its readings then count as duplicates.
            assertThat(ingest.counter("accepted", "none") + ingest.counter("duplicate", "none")).isGreaterThanOrEqualTo(messages * 10.0);
        }
    }
}
