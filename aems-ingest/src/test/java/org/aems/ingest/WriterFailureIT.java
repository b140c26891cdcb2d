package org.aems.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.aems.core.telemetry.TelemetryCodec;
import org.aems.ingest.mqtt.InboundMessage;
import org.aems.ingest.pipeline.BatchSettings;
import org.aems.ingest.pipeline.BatchWriter;
import org.aems.ingest.pipeline.IngestMetrics;
import org.aems.ingest.store.JdbcAlertSink;
import org.aems.ingest.store.JdbcReadingStore;
import org.aems.ingest.store.MeterScaleStore;
import org.aems.ingest.store.StoreException;
import org.aems.ingest.validation.ReadingValidator;
import org.aems.ingest.validation.RegisteredSites;
import org.aems.ingest.validation.ValidationSettings;
import org.aems.testing.TestRegions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The writer thread outlives failures that happen before the commit, while it decodes and validates: a registry look-up
 * that fails because the database is away holds the message and retries it; a message ingest itself cannot process is
 * refused with its payload kept. Either way the messages around it are stored and everything is acknowledged in
 * arrival order (a writer that died here stopped ingest for good, with the broker still delivering).
 */
class WriterFailureIT {

    private final Clock clock = Clock.systemUTC();
    private final String prefix = "wf" + UUID.randomUUID().toString().substring(0, 6);
    private final Instant ts = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(5));
    private final BlockingQueue<InboundMessage> queue = new ArrayBlockingQueue<>(100);
    private final List<Integer> acknowledged = new CopyOnWriteArrayList<>();
    private IngestHarness harness;
    private BatchWriter writer;

    @BeforeEach
    void database() {
        harness = new IngestHarness(clock);
        harness.importRegion(TestRegions.twoSites(prefix));
    }

    @AfterEach
    void stop() throws Exception {
        if (writer != null) {
            writer.stop(Duration.ofSeconds(5));
        }
        harness.close();
    }

    @Test
    void aLookupThatFailsWhileTheDatabaseIsAwayHoldsTheMessageUntilItAnswers() throws Exception {
        AtomicInteger outage = new AtomicInteger(3);
        start(site -> {
            if (site.value().endsWith("-b") && outage.getAndDecrement() > 0) {
                throw new StoreException("site lookup failed: Connection refused",
                        new SQLException("Connection to 127.0.0.1:5432 refused", "08001"));
            }
            return harness.registry.siteOf(site);
        });

        queue.put(message(1, "a"));
        queue.put(message(2, "b"));
        queue.put(message(3, "a"));

        await().atMost(Duration.ofSeconds(10)).until(() -> acknowledged.size() == 3);
        assertThat(acknowledged).as("acknowledged in arrival order, the held one in its place").containsExactly(1, 2, 3);
        assertThat(harness.strings("SELECT message_id FROM telemetry_reading ORDER BY message_id"))
                .containsExactly("m-1", "m-2", "m-3");
        assertThat(harness.count("SELECT count(*) FROM telemetry_rejection")).isZero();
        assertThat(outage.get()).as("the look-up was retried until it answered").isNegative();
        assertThat(writer.isStoreHealthy()).as("health is UP again once the held message is committed").isTrue();
    }

    @Test
    void aMessageIngestCannotProcessIsRefusedWithItsPayloadAndTheRestIsStored() throws Exception {
        start(site -> {
            if (site.value().endsWith("-b")) {
                throw new IllegalStateException("a bug in the registry mapping");
            }
            return harness.registry.siteOf(site);
        });

        queue.put(message(1, "a"));
        queue.put(message(2, "b"));
        queue.put(message(3, "a"));

        await().atMost(Duration.ofSeconds(10)).until(() -> acknowledged.size() == 3);
        assertThat(acknowledged).containsExactly(1, 2, 3);
        assertThat(harness.strings("SELECT message_id FROM telemetry_reading ORDER BY message_id")).containsExactly("m-1", "m-3");
        assertThat(harness.strings("SELECT reason || ' ' || site_id || ' ' || detail || ' ' || convert_from(payload, 'UTF8') "
                + "FROM telemetry_rejection")).singleElement().asString()
                .startsWith("PROCESSING_FAILED " + prefix + "-b ingest could not process this message "
                        + "(IllegalStateException: a bug in the registry mapping)")
                .contains("\"messageId\":\"m-2\"");

        // Nothing wedged: the next message is stored as usual.
        queue.put(message(4, "a"));
        await().atMost(Duration.ofSeconds(10)).until(() -> acknowledged.size() == 4);
        assertThat(harness.strings("SELECT message_id FROM telemetry_reading ORDER BY message_id")).containsExactly("m-1", "m-3", "m-4");
    }

    private void start(RegisteredSites sites) {
        ReadingValidator validator = new ReadingValidator(sites, clock, new ValidationSettings(null, null));
        writer = new BatchWriter(queue, new TelemetryCodec(), new MeterScaleStore(harness.dataSource), validator,
                new JdbcReadingStore(harness.dataSource), message -> acknowledged.add(message.mqttId()),
                new JdbcAlertSink(harness.dataSource), new IngestMetrics(new SimpleMeterRegistry()),
                new BatchSettings(0, Duration.ofMillis(50), Duration.ofSeconds(1), 256), clock);
        writer.start();
    }

    private InboundMessage message(int id, String siteSuffix) {
        String site = prefix + "-" + siteSuffix;
        String payload = """
                {"schema":"aems.telemetry.v1","messageId":"m-%d","siteId":"%s","sentAt":"%s","readings":[\
                {"device":"meter-1","quantity":"meter.power","value":%d,"unit":"W","ts":"%s"}]}"""
                .formatted(id, site, TelemetryCodec.format(ts), 100 + id, TelemetryCodec.format(ts.plusSeconds(id)));
        return new InboundMessage("aems/v1/sites/" + site + "/telemetry", payload.getBytes(StandardCharsets.UTF_8), clock.instant(),
                id, 1, 1, null);
    }
}
