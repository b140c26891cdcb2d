package org.aems.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
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
 * The telemetry table is locked (a migration, a long maintenance job) while messages keep coming:
 * ingest holds at most its in-flight window, the broker keeps the rest, the blocked commit times out
 * (health DOWN, alert), and all of it lands once the lock goes. // #3
 */
class SlowDatabaseIT {

    /** Lock length: 12 s in the suite; 60 s in the fault run of docs/benchmarks.md (-Daems.fault.lock=PT60S). */
    private static final Duration LOCK = Duration.parse(System.getProperty("aems.fault.lock", "PT12S"));

    @Test
    void backpressureHoldsWhileTheTableIsLockedAndNothingIsLost() throws Exception {
        String prefix = "slow" + UUID.randomUUID().toString().substring(0, 6);
        try (OwnedPostgres postgres = new OwnedPostgres();
             MosquittoProcess broker = MosquittoProcess.start();
             IngestHarness ingest = new IngestHarness(Clock.systemUTC(), postgres.jdbcUrl(), broker.url())) {
            ingest.importRegion(TestRegions.twoSites(prefix));
            ingest.start();
            Instant base = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(4));
            int messages = 4_000;
            int maxInFlight = 0;
            boolean wentDown = false;
            try (Connection locker = DriverManager.getConnection(postgres.jdbcUrl());
                 TelemetryLoad load = new TelemetryLoad(broker.url(), prefix + "-gw", List.of(prefix + "-a", prefix + "-b"), base, 100)) {
                CompletableFuture<Void> sending = load.publishInBackground(0, messages, 200);
                Thread.sleep(3_000);
                locker.setAutoCommit(false);
                try (Statement s = locker.createStatement()) {
                    s.execute("LOCK TABLE telemetry_reading IN ACCESS EXCLUSIVE MODE");
                }
                long until = System.nanoTime() + LOCK.toNanos();
                while (System.nanoTime() < until) {
                    maxInFlight = Math.max(maxInFlight, ingest.writer().inFlight());
                    wentDown |= !ingest.writer().isStoreHealthy();
                    Thread.sleep(100);
                }
                locker.rollback();
                sending.get();
            }
            await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(500))
                    .until(() -> ingest.count("SELECT count(*) FROM telemetry_reading") >= messages * 10L);
            assertThat(ingest.count("SELECT count(*) FROM telemetry_reading")).isEqualTo(messages * 10L);
            // Receive Maximum 100 in the harness: never more than that in the JVM, whatever the broker holds.
            assertThat(maxInFlight).as("messages held by ingest while the table was locked").isGreaterThan(0).isLessThanOrEqualTo(100);
            // The 10 s commit timeout turns a commit blocked by the lock into a failure: DOWN and an alert.
            assertThat(wentDown).as("health went DOWN while commits were blocked").isTrue();
            assertThat(ingest.count("SELECT count(*) FROM alert WHERE kind = 'INGEST_STORE_FAILING'")).isEqualTo(1);
            assertThat(ingest.writer().isStoreHealthy()).isTrue();
        }
    }
}
