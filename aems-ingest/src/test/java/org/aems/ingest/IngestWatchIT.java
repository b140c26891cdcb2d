package org.aems.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.aems.ingest.mqtt.MqttSettings;
import org.aems.ingest.store.JdbcAlertSink;
import org.aems.ingest.watch.BrokerQueueDepth;
import org.aems.ingest.watch.BrokerQueueWatch;
import org.aems.ingest.watch.IngestStallWatch;
import org.aems.ingest.watch.IngestWatchdog;
import org.aems.ingest.watch.WatchSettings;
import org.aems.testing.MosquittoProcess;
import org.aems.testing.TelemetryLoad;
import org.aems.testing.TestInfrastructure;
import org.aems.testing.TestRegions;
import org.junit.jupiter.api.Test;

/**
 * Ingest's own alerts, raised through the alert seam: a stall that fails nothing (a lock held on the
 * telemetry table) and a broker queue nearing its limit while ingest is away. // #3
 */
class IngestWatchIT {

    private static final WatchSettings FAST = new WatchSettings(Duration.ofMillis(200), Duration.ofSeconds(2), 600, 0.8);

    @Test
    void aLockThatHoldsCommitsWithoutFailingRaisesAStallAlertThatClosesWhenIngestMovesAgain() throws Exception {
        String prefix = "stl" + UUID.randomUUID().toString().substring(0, 6);
        try (IngestHarness ingest = new IngestHarness(Clock.systemUTC())) {
            ingest.importRegion(TestRegions.twoSites(prefix));
            ingest.start();
            JdbcAlertSink alerts = new JdbcAlertSink(ingest.dataSource);
            IngestStallWatch stall = new IngestStallWatch(ingest.writer()::inFlight, ingest.writer()::lastCommit,
                    ingest.writer()::isStoreHealthy, ingest::connected, "tcp://test", FAST.stallAfter(), alerts);
            try (IngestWatchdog watchdog = new IngestWatchdog(List.of(stall::check), FAST, Clock.systemUTC());
                 Connection locker = ingest.dataSource.getConnection();
                 TelemetryLoad load = new TelemetryLoad(TestInfrastructure.mqttUrl(), prefix + "-gw",
                         List.of(prefix + "-a"), Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(3600), 8)) {
                watchdog.start();
                locker.setAutoCommit(false);
                try (Statement s = locker.createStatement()) {
                    s.execute("LOCK TABLE telemetry_reading IN ACCESS EXCLUSIVE MODE");
                }
                load.publish(0, 3, 0);

                await().atMost(Duration.ofSeconds(8)).until(() -> openAlerts(ingest, "INGEST_STALLED") == 1);
                assertThat(ingest.strings("SELECT severity || ' ' || message FROM alert WHERE kind = 'INGEST_STALLED'"))
                        .singleElement().asString().startsWith("CRITICAL ingest holds 3 messages and has committed nothing since")
                        .contains("pg_stat_activity");
                assertThat(ingest.writer().inFlight()).isEqualTo(3); // held, unacknowledged (reading the locked table would block)

                locker.commit(); // the lock goes, ingest commits what it held and the alert closes
                await().atMost(Duration.ofSeconds(8)).until(() -> openAlerts(ingest, "INGEST_STALLED") == 0);
                assertThat(ingest.count("SELECT count(*) FROM telemetry_reading")).isEqualTo(30);
                assertThat(ingest.count("SELECT count(*) FROM alert WHERE kind = 'INGEST_STALLED' AND resolved_at IS NOT NULL")).isEqualTo(1);
            }
        }
    }

    @Test
    void aBrokerQueueNearItsLimitRaisesAnAlertThatClosesOnceIngestHasDrainedIt() throws Exception {
        String prefix = "bql" + UUID.randomUUID().toString().substring(0, 6);
        try (MosquittoProcess broker = MosquittoProcess.start();
             IngestHarness ingest = new IngestHarness(Clock.systemUTC(), TestInfrastructure.freshDatabase(), broker.url())) {
            ingest.importRegion(TestRegions.twoSites(prefix));
            ingest.start();
            ingest.stop(); // the persistent session stays: the broker queues for it
            MqttSettings observer = new MqttSettings(broker.url(), prefix + "-observer", null, null, "", Duration.ofHours(1),
                    100, Duration.ofSeconds(30), Duration.ofSeconds(10));
            try (BrokerQueueDepth depth = BrokerQueueDepth.of(observer, Clock.systemUTC());
                 IngestWatchdog watchdog = new IngestWatchdog(List.of(new BrokerQueueWatch(depth::current, FAST.brokerQueueLimit(),
                         FAST.brokerQueueWarnAt(), new JdbcAlertSink(ingest.dataSource))::check), FAST, Clock.systemUTC());
                 TelemetryLoad load = new TelemetryLoad(broker.url(), prefix + "-gw", List.of(prefix + "-a", prefix + "-b"),
                         Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(1)), 8)) {
                watchdog.start();
                load.publish(0, 500, 0); // 500 queued (+ the broker's retained $SYS topics) of a 600 limit: over 80 %

                await().atMost(Duration.ofSeconds(15)).until(() -> openAlerts(ingest, "BROKER_QUEUE_NEAR_LIMIT") == 1);
                assertThat(ingest.strings("SELECT severity || ' ' || subject || ' ' || message FROM alert WHERE kind = 'BROKER_QUEUE_NEAR_LIMIT'"))
                        .singleElement().asString().matches("WARNING broker the broker holds \\d{3} messages, \\d+ % of its queue limit of 600; .*")
                        .contains("add ingest instances");

                ingest.start();
                await().atMost(Duration.ofSeconds(20)).until(() -> openAlerts(ingest, "BROKER_QUEUE_NEAR_LIMIT") == 0);
                assertThat(ingest.count("SELECT count(*) FROM telemetry_reading")).isEqualTo(5_000);
            }
        }
    }

    private static long openAlerts(IngestHarness ingest, String kind) {
        return ingest.count("SELECT count(*) FROM alert WHERE kind = '" + kind + "' AND resolved_at IS NULL");
    }
}
