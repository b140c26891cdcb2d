package org.aems.ingest;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import javax.sql.DataSource;
import org.aems.core.grid.Region;
import org.aems.core.region.RegionFileReader;
import org.aems.core.telemetry.TelemetryCodec;
import org.aems.ingest.mqtt.InboundMessage;
import org.aems.ingest.mqtt.MqttSettings;
import org.aems.ingest.mqtt.TelemetrySubscriber;
import org.aems.ingest.pipeline.BatchSettings;
import org.aems.ingest.pipeline.BatchWriter;
import org.aems.ingest.pipeline.IngestMetrics;
import org.aems.ingest.registry.RegistryStore;
import org.aems.ingest.store.JdbcAlertSink;
import org.aems.ingest.store.JdbcReadingStore;
import org.aems.ingest.store.MeterScaleStore;
import org.aems.ingest.store.TimescaleDbMigration;
import org.aems.ingest.validation.CachedRegisteredSites;
import org.aems.ingest.validation.ReadingValidator;
import org.aems.ingest.validation.ValidationSettings;
import org.aems.testing.TestInfrastructure;
import org.flywaydb.core.Flyway;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The ingest pipeline wired by hand against a fresh database and the real broker, exactly as the
 * auto-configuration wires it, with a test-unique client id.
 */
public final class IngestHarness implements AutoCloseable {

    public final DataSource dataSource;
    public final RegistryStore registry;
    public final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final String clientId = "it-ingest-" + UUID.randomUUID().toString().substring(0, 8);
    private final Clock clock;
    private TelemetrySubscriber subscriber;
    private BatchWriter writer;

    private final String brokerUrl;
    /** Else test sizing (a small flight window, a registry cache that sees a site imported a second ago). */
    private final boolean productionSizing;

    public IngestHarness(Clock clock) {
        this(clock, TestInfrastructure.freshDatabase(), TestInfrastructure.mqttUrl());
    }

    /**
     * On a fresh database, subscribed to a broker the caller owns, sized as the application is (Receive Maximum 1,000,
     * the registry cached for 30 s and 200,000 sites): for evaluations that play a whole city through it. With the test
     * sizing, 10,526 sites missed the 1,000-site cache on every message and 100 messages in flight capped each commit.
     */
    public static IngestHarness onBroker(Clock clock, String brokerUrl) {
        return new IngestHarness(clock, TestInfrastructure.freshDatabase(), brokerUrl, true);
    }

    /** Against a database and broker the test owns (fault tests). */
    IngestHarness(Clock clock, String jdbcUrl, String brokerUrl) {
        this(clock, jdbcUrl, brokerUrl, false);
    }

    private IngestHarness(Clock clock, String jdbcUrl, String brokerUrl, boolean productionSizing) {
        this.clock = clock;
        this.brokerUrl = brokerUrl;
        this.productionSizing = productionSizing;
        // Pooled, as the application's DataSource is: a connection per registry lookup or batch costs 20-30 ms of
        // backend start-up on this machine, which throttled a 50-site backlog to ~20 messages/s (CarrierOutageIT).
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(jdbcUrl);
        pool.setMaximumPoolSize(8); // the transport evaluation runs the optimizer, dispatcher and rollup on it too
        pool.setConnectionTimeout(2_000); // fail fast while a fault test has the database down, like a direct connect
        pool.setPoolName("ingest-harness");
        HikariDataSource ds = new HikariDataSource(pool);
        this.dataSource = ds;
        Flyway.configure().dataSource(ds).locations("classpath:db/migration")
                .javaMigrations(new TimescaleDbMigration()).load().migrate();
        this.registry = new RegistryStore(ds);
    }

    Region importRegion(String yaml) {
        Region region = new RegionFileReader().read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
        registry.importRegion(region, clock.instant());
        return region;
    }

    /** Starts subscriber and writer; waits until subscribed. */
    public void start() {
        MqttSettings settings = new MqttSettings(brokerUrl, clientId, null, null, "", Duration.ofHours(1),
                productionSizing ? 0 : 100, Duration.ofSeconds(30), Duration.ofSeconds(10));
        BlockingQueue<InboundMessage> queue = new ArrayBlockingQueue<>(settings.receiveMaximum() * 2);
        subscriber = new TelemetrySubscriber(settings, queue, clock);
        ReadingValidator validator = new ReadingValidator(productionSizing ? CachedRegisteredSites.asApplication(registry::siteOf)
                : new CachedRegisteredSites(registry::siteOf, Duration.ofSeconds(1), 1000), clock, new ValidationSettings(null, null));
        writer = new BatchWriter(queue, new TelemetryCodec(), new MeterScaleStore(dataSource), validator, new JdbcReadingStore(dataSource), subscriber, new JdbcAlertSink(dataSource),
                new IngestMetrics(meters), new BatchSettings(0, Duration.ofMillis(50), Duration.ofSeconds(1), 256), clock);
        writer.start();
        subscriber.start();
        long deadline = System.currentTimeMillis() + 15_000;
        while (!subscriber.isConnected()) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("ingest did not connect to " + settings.url());
            }
            sleep(50);
        }
        sleep(300); // the SUBACK follows the CONNACK
    }

    public BatchWriter writer() {
        return writer;
    }

    boolean connected() {
        return subscriber != null && subscriber.isConnected();
    }

    void stop() throws InterruptedException {
        if (subscriber != null) {
            subscriber.close();
            writer.stop(Duration.ofSeconds(5));
            subscriber = null;
        }
    }

    long count(String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    java.util.List<String> strings(String sql) {
        java.util.List<String> rows = new java.util.ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    double counter(String outcome, String reason) {
        var counter = meters.find("aems.ingest.readings").tag("outcome", outcome).tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
        ((HikariDataSource) dataSource).close();
    }
}
