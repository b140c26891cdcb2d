package org.aems.ingest;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.aems.core.grid.SiteId;
import org.aems.core.telemetry.DecodeResult;
import org.aems.core.telemetry.Reading;
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
import org.aems.ingest.store.ReadingStore;
import org.aems.ingest.store.TimescaleDbMigration;
import org.aems.ingest.validation.CachedRegisteredSites;
import org.aems.ingest.validation.ReadingValidator;
import org.aems.ingest.validation.ValidationSettings;
import org.aems.testing.MosquittoProcess;
import org.aems.testing.TelemetryLoad;
import org.aems.testing.TelemetryMessages;
import org.aems.testing.TestInfrastructure;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.flywaydb.core.Flyway;

/**
 * The ingest benchmark (issue #3): the pipeline at full speed and at a fixed 3,000 msg/s through a
 * local Mosquitto into the local PostgreSQL, next to the two ceilings measured in the same run on the
 * same messages: the database's idempotent bulk path and the broker's bare QoS 1 rate.
 * Not a test: run it as docs/benchmarks.md says; it prints the figures and the ratio.
 */
public final class IngestBenchmark {

    /** Sites the messages come from ({@code -Dsites}, default 200); the city has 10,526. */
    private static final int SITES = Integer.getInteger("sites", 200);

    private final int messages;
    private final Duration latencyRun;
    private final List<String> sites = new ArrayList<>();
    private final Instant base = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(2));
    private final HeapSampler heap = new HeapSampler();

    IngestBenchmark(int messages, Duration latencyRun) {
        this.messages = messages;
        this.latencyRun = latencyRun;
        for (int i = 0; i < SITES; i++) {
            sites.add(String.format("bench-%04d", i));
        }
    }

    public static void main(String[] args) throws Exception {
        int messages = Integer.parseInt(System.getProperty("messages", "100000"));
        Duration latencyRun = Duration.parse(System.getProperty("latencyRun", "PT20S"));
        new IngestBenchmark(messages, latencyRun).run();
        System.exit(0);
    }

    void run() throws Exception {
        heap.start();
        System.out.printf("AEMS ingest benchmark: %,d messages x %d readings (~%d bytes each), %d sites, %d cores%n",
                messages, TelemetryLoad.READINGS_PER_MESSAGE, new TelemetryMessages(sites, base).message(0).length, SITES,
                Runtime.getRuntime().availableProcessors());
        try (MosquittoProcess broker = MosquittoProcess.start()) {
            if (Integer.getInteger("backlogMinutes", 0) > 0) {
                backlog(broker.url(), Integer.getInteger("backlogMinutes"), 3_000);
                return;
            }
            if (System.getProperty("overload") != null) {
                overload(broker.url(), Duration.parse(System.getProperty("overload")), 9_000);
                return;
            }
            if (Boolean.getBoolean("latencyOnly")) {
                long[] l = latency(broker.url(), Integer.getInteger("rate", 3_000));
                System.out.printf("latency only: p50 %d / p99 %d / max %d ms; after 5 s: p50 %d / p99 %d / max %d ms%n",
                        l[0], l[1], l[2], l[3], l[4], l[5]);
                return;
            }
            double dbRows = databaseCeiling();
            if (Boolean.getBoolean("databaseOnly")) {
                System.out.printf("database ceiling only: %,.0f rows/s%n", dbRows);
                return;
            }
            System.out.printf("[1/4] database ceiling (COPY + INSERT ON CONFLICT, logged, synchronous_commit on): %,.0f rows/s%n", dbRows);
            double brokerMsgs = brokerCeiling(broker.url());
            System.out.printf("[2/4] broker ceiling (QoS 1, subscriber does nothing): %,.0f msg/s%n", brokerMsgs);
            heap.reset();
            double pipelineReadings = pipeline(broker.url());
            long peakHeapFull = heap.peakMiB();
            System.out.printf("[3/4] pipeline at full speed: %,.0f readings/s (%,.0f msg/s), peak heap %d MiB%n",
                    pipelineReadings, pipelineReadings / TelemetryLoad.READINGS_PER_MESSAGE, peakHeapFull);
            heap.reset();
            long[] latency = latency(broker.url(), 3_000);
            System.out.printf("[4/4] publish->commit at 3,000 msg/s for %ds: p50 %d ms, p99 %d ms, max %d ms; after the first 5 s: "
                    + "p50 %d ms, p99 %d ms, max %d ms; peak heap %d MiB%n",
                    latencyRun.toSeconds(), latency[0], latency[1], latency[2], latency[3], latency[4], latency[5], heap.peakMiB());
            double ceiling = 1 / (1 / dbRows + 1 / (brokerMsgs * TelemetryLoad.READINGS_PER_MESSAGE));
            System.out.printf("combined ceiling 1/(1/%,.0f + 1/(%,.0f x 10)) = %,.0f readings/s; ratio = %.2f%n",
                    dbRows, brokerMsgs, ceiling, pipelineReadings / ceiling);
        }
    }

    /** The product's batch settings; {@code -DmaxDelay=PT0.02S} tries another batch window. */
    private static BatchSettings batchSettings() {
        String maxDelay = System.getProperty("maxDelay");
        return new BatchSettings(0, maxDelay == null ? null : Duration.parse(maxDelay), null, 0);
    }

    private TelemetryLoad load(String brokerUrl) throws MqttException {
        return new TelemetryLoad(brokerUrl, "bench-pub-" + System.nanoTime(), sites, base, 500);
    }

    /** The application's validation: registry look-ups cached as ingest caches them, default limits. */
    private static ReadingValidator validator(DataSource ds) {
        return new ReadingValidator(CachedRegisteredSites.asApplication(new RegistryStore(ds)::siteOf), Clock.systemUTC(),
                new ValidationSettings(null, null));
    }

    /**
     * Pooled like the application's (Spring Boot's Hikari, 10 connections). Unpooled, every batch and every registry
     * look-up opened a connection, a backend and its staging tables: that hid the staging tables' dead rows (ADR 0009)
     * and let the pipeline crawl at the city's 10,526 sites (a new backend for each first message of a site).
     */
    private DataSource freshDatabase() {
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(TestInfrastructure.freshDatabase());
        pool.setMaximumPoolSize(10);
        pool.setMinimumIdle(2);
        pool.setPoolName("bench");
        HikariDataSource ds = new HikariDataSource(pool);
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").javaMigrations(new TimescaleDbMigration())
                .load().migrate();
        StringBuilder yaml = new StringBuilder("""
                region: {id: bench, name: benchmark}
                substations:
                  - id: bench-ss
                    banks:
                      - id: bench-b1
                        limits: [{from: 2024-04-01, reverseFlowLimitKw: 4000, importLimitKw: 9000}]
                        feeders:
                          - id: bench-f1
                            from: 2024-04-01
                            limits: [{from: 2024-04-01, reverseFlowLimitKw: 1500, importLimitKw: 4000}]
                            sites:
                """);
        for (int i = 0; i < sites.size(); i++) {
            yaml.append("                              - {id: ").append(sites.get(i)).append(", kind: HOUSEHOLD, from: 2024-04-01, ")
                    .append("supplyPoint: \"").append(String.format("03%020d", i)).append("\", assets: [")
                    .append("{type: meter, id: meter-1, metrologyClass: CERTIFIED}]}\n");
        }
        new RegistryStore(ds).importRegion(new org.aems.core.region.RegionFileReader().read(
                new java.io.ByteArrayInputStream(yaml.toString().getBytes(StandardCharsets.UTF_8))), Instant.now());
        return ds;
    }

    /** The same readings the pipeline stores, straight into the store in 5,000-row batches. */
    private double databaseCeiling() throws Exception {
        DataSource ds = freshDatabase();
        JdbcReadingStore store = new JdbcReadingStore(ds);
        TelemetryCodec codec = new TelemetryCodec();
        TelemetryMessages bytes = new TelemetryMessages(sites, base);
        List<ReadingStore.StampedReading> all = new ArrayList<>(messages * TelemetryLoad.READINGS_PER_MESSAGE);
        Instant now = Instant.now();
        for (int i = 0; i < messages; i++) {
            DecodeResult.Decoded d = (DecodeResult.Decoded) codec.decode(SiteId.of(bytes.siteOf(i)), bytes.message(i));
            var origin = ReadingStore.Origin.of("aems/v1/sites/" + bytes.siteOf(i) + "/telemetry", bytes.message(i), 4096);
            for (Reading r : d.message().readings()) {
                all.add(new ReadingStore.StampedReading(r, d.message().messageId(), now, origin));
            }
        }
        long start = System.nanoTime();
        for (int from = 0; from < all.size(); from += 5_000) {
            store.store(all.subList(from, Math.min(all.size(), from + 5_000)), List.of());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return all.size() / seconds;
    }

    private double brokerCeiling(String url) throws Exception {
        AtomicLong received = new AtomicLong();
        AtomicLong first = new AtomicLong();
        AtomicLong last = new AtomicLong();
        MqttAsyncClient subscriber = new MqttAsyncClient(url, "bench-null-sub", new MemoryPersistence());
        subscriber.setCallback(new NullCallback(() -> {
            long now = System.nanoTime();
            first.compareAndSet(0, now);
            last.set(now);
            received.incrementAndGet();
        }));
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setReceiveMaximum(1000);
        subscriber.connect(options).waitForCompletion();
        subscriber.subscribe("aems/v1/sites/+/telemetry", 1).waitForCompletion();
        try (TelemetryLoad load = load(url)) {
            load.publish(0, messages, 0);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (received.get() < messages && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        subscriber.disconnect().waitForCompletion();
        subscriber.close();
        return received.get() / ((last.get() - first.get()) / 1e9);
    }

    private record Ingest(DataSource dataSource, TelemetrySubscriber subscriber, BatchWriter writer) implements AutoCloseable {
        @Override
        public void close() throws InterruptedException {
            subscriber.close();
            writer.stop(Duration.ofSeconds(10));
        }
    }

    private Ingest startIngest(String url, java.util.function.Consumer<InboundMessage> onCommit) {
        DataSource ds = freshDatabase();
        MqttSettings settings = new MqttSettings(url, "bench-ingest-" + System.nanoTime(), null, null, "aems-ingest",
                Duration.ofHours(1), 0, null, null);
        BlockingQueue<InboundMessage> queue = new ArrayBlockingQueue<>(settings.receiveMaximum() * 2);
        TelemetrySubscriber subscriber = new TelemetrySubscriber(settings, queue, Clock.systemUTC());
        ReadingValidator validator = validator(ds);
        BatchWriter writer = new BatchWriter(queue, new TelemetryCodec(), new MeterScaleStore(ds), validator, new JdbcReadingStore(ds), message -> {
            onCommit.accept(message);
            subscriber.acknowledge(message);
        }, new JdbcAlertSink(ds), new IngestMetrics(new SimpleMeterRegistry()), batchSettings(), Clock.systemUTC());
        writer.start();
        subscriber.start();
        while (!subscriber.isConnected()) {
            sleep(20);
        }
        sleep(300);
        return new Ingest(ds, subscriber, writer);
    }

    private double pipeline(String url) throws Exception {
        AtomicLong committed = new AtomicLong();
        AtomicLong lastCommit = new AtomicLong();
        try (Ingest ingest = startIngest(url, m -> {
            committed.incrementAndGet();
            lastCommit.set(System.nanoTime());
        }); TelemetryLoad load = load(url)) {
            long start = System.nanoTime();
            load.publish(0, messages, 0);
            long deadline = System.nanoTime() + Duration.ofSeconds(300).toNanos();
            while (committed.get() < messages && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            double seconds = (lastCommit.get() - start) / 1e9;
            long rows = count(ingest.dataSource(), "SELECT count(*) FROM telemetry_reading");
            if (rows != (long) messages * TelemetryLoad.READINGS_PER_MESSAGE) {
                throw new IllegalStateException("pipeline stored " + rows + " readings, expected " + messages * 10L);
            }
            return rows / seconds;
        }
    }

    /**
     * A backlog of {@code minutes} at {@code perSecond} waits in the broker while ingest is down; then
     * ingest starts and live data keeps arriving at the same rate. Prints how long until both are stored.
     */
    private void backlog(String url, int minutes, int perSecond) throws Exception {
        long backlog = (long) minutes * 60 * perSecond;
        AtomicLong committed = new AtomicLong();
        String clientId = "bench-backlog-" + System.nanoTime();
        DataSource ds = freshDatabase();
        MqttSettings settings = new MqttSettings(url, clientId, null, null, "aems-ingest", Duration.ofHours(1), 0, null, null);
        // Register the session (and its subscription) so the broker queues the backlog for it.
        TelemetrySubscriber first = new TelemetrySubscriber(settings, new ArrayBlockingQueue<>(2_000), Clock.systemUTC());
        first.start();
        while (!first.isConnected()) {
            sleep(20);
        }
        sleep(300);
        first.close();
        try (TelemetryLoad load = load(url)) {
            long t0 = System.nanoTime();
            load.publish(0, backlog, 0);
            System.out.printf("backlog: %,d messages (%d min at %,d msg/s) queued in the broker in %.1f s%n", backlog, minutes,
                    perSecond, (System.nanoTime() - t0) / 1e9);
            BlockingQueue<InboundMessage> queue = new ArrayBlockingQueue<>(settings.receiveMaximum() * 2);
            TelemetrySubscriber subscriber = new TelemetrySubscriber(settings, queue, Clock.systemUTC());
            ReadingValidator validator = validator(ds);
            BatchWriter writer = new BatchWriter(queue, new TelemetryCodec(), new MeterScaleStore(ds), validator,
                    new JdbcReadingStore(ds), m -> {
                        committed.incrementAndGet();
                        subscriber.acknowledge(m);
                    }, new JdbcAlertSink(ds), new IngestMetrics(new SimpleMeterRegistry()), batchSettings(),
                    Clock.systemUTC());
            long start = System.nanoTime();
            writer.start();
            subscriber.start();
            // Live data at the design rate while the backlog drains, until both are in.
            long live = 0;
            long liveStart = System.nanoTime();
            while (committed.get() < backlog + live) {
                long due = (System.nanoTime() - liveStart) * perSecond / 1_000_000_000L;
                while (live < due) {
                    load.publishOne(backlog + live++);
                }
                if (System.nanoTime() - start > Duration.ofMinutes(Integer.getInteger("backlogTimeoutMinutes", 30)).toNanos()) {
                    break;
                }
                if ((System.nanoTime() - start) / 1_000_000_000L % 10 == 0 && (System.nanoTime() - start) % 1_000_000_000L < 6_000_000L) {
                    System.out.printf("  progress: %,d of %,d backlog + %,d live committed%n", committed.get(), backlog, live);
                }
                Thread.sleep(5);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("%s: %,d of %,d backlog + %,d live messages committed in %.0f s (%,.0f msg/s committed, "
                    + "%,.0f msg/s above the live rate)%n", committed.get() >= backlog + live ? "backlog drained" : "NOT drained in time",
                    committed.get(), backlog, live, seconds, committed.get() / seconds, (committed.get() - live) / seconds);
            subscriber.close();
            writer.stop(Duration.ofSeconds(10));
        }
    }

    /**
     * Heap under 3x the design load: {@code perSecond} offered for {@code duration}, far above what ingest
     * commits, so the broker queues the rest and ingest's memory is held only by its bounded window. Prints,
     * per 30 s, the peak heap in use and the old generation after the last collection (the live set):
     * flat means neither grows from window to window.
     */
    private void overload(String url, Duration duration, int perSecond) throws Exception {
        AtomicLong committed = new AtomicLong();
        List<MemoryPoolMXBean> oldGen = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP && p.getName().contains("Old")).toList();
        System.out.printf("overload: offering %,d msg/s (3x the design load) for %s%n", perSecond, duration);
        try (Ingest ingest = startIngest(url, m -> committed.incrementAndGet()); TelemetryLoad load = load(url)) {
            long offset = 10L * messages; // new keys
            long start = System.nanoTime();
            long window = Duration.ofSeconds(30).toNanos();
            long nextReport = start + window;
            long sent = 0;
            heap.reset();
            while (System.nanoTime() - start < duration.toNanos()) {
                long due = (System.nanoTime() - start) * perSecond / 1_000_000_000L;
                while (sent < due) {
                    load.publishOne(offset + sent++);
                }
                if (System.nanoTime() >= nextReport) {
                    long live = oldGen.stream().mapToLong(p -> p.getCollectionUsage() == null ? 0 : p.getCollectionUsage().getUsed()).sum();
                    System.out.printf("  %3d s: offered %,d (%,.0f msg/s), committed %,d (%,.0f msg/s); heap peak %d MiB, "
                                    + "old gen after GC %d MiB%n", (System.nanoTime() - start) / 1_000_000_000L, sent,
                            sent / ((System.nanoTime() - start) / 1e9), committed.get(), committed.get() / ((System.nanoTime() - start) / 1e9),
                            heap.peakMiB(), live / (1024 * 1024));
                    heap.reset();
                    nextReport += window;
                }
                Thread.sleep(2);
            }
        }
    }

    /** p50, p99 and max publish->commit latency in ms at a fixed rate. */
    private long[] latency(String url, int perSecond) throws Exception {
        ConcurrentHashMap<Long, Long> published = new ConcurrentHashMap<>();
        List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Long> steady = java.util.Collections.synchronizedList(new ArrayList<>());
        int total = (int) (perSecond * latencyRun.toSeconds());
        long offset = messages; // new keys, not duplicates of the throughput run
        long warmUpEnd = offset + perSecond * 5L;
        try (Ingest ingest = startIngest(url, m -> {
            long index = indexOf(m.payload());
            Long sent = published.remove(index);
            if (sent != null) {
                latencies.add(System.nanoTime() - sent);
                if (index >= warmUpEnd) {
                    steady.add(System.nanoTime() - sent);
                }
            }
        }); TelemetryLoad load = load(url)) {
            long start = System.nanoTime();
            for (long i = offset; i < offset + total; i++) {
                long due = start + (long) ((i - offset) * 1e9 / perSecond);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                published.put(i, System.nanoTime());
                load.publishOne(i);
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (latencies.size() < total && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        long[] after = steady.stream().mapToLong(Long::longValue).sorted().toArray();
        return new long[] {ms(sorted[sorted.length / 2]), ms(sorted[(int) (sorted.length * 0.99)]), ms(sorted[sorted.length - 1]),
                ms(after[after.length / 2]), ms(after[(int) (after.length * 0.99)]), ms(after[after.length - 1])};
    }

    private static long indexOf(byte[] payload) {
        String text = new String(payload, 0, Math.min(payload.length, 120), StandardCharsets.UTF_8);
        int start = text.indexOf("\"messageId\":\"") + 13;
        int end = text.indexOf('"', start);
        String id = text.substring(start, end);
        return Long.parseLong(id.substring(id.lastIndexOf('-') + 1));
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    private static long count(DataSource ds, String sql) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Samples heap use every 50 ms; peak since the last reset. */
    private static final class HeapSampler extends Thread {
        private final AtomicLong peak = new AtomicLong();

        HeapSampler() {
            setDaemon(true);
            setName("heap-sampler");
        }

        @Override
        public void run() {
            List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP).toList();
            while (true) {
                long used = pools.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
                peak.accumulateAndGet(used, Math::max);
                IngestBenchmark.sleep(50);
            }
        }

        void reset() {
            System.gc();
            peak.set(0);
        }

        long peakMiB() {
            return peak.get() / (1024 * 1024);
        }
    }

    /** A callback that only counts. */
    private record NullCallback(Runnable onMessage) implements MqttCallback {
        @Override
        public void messageArrived(String topic, MqttMessage message) {
            onMessage.run();
        }

        @Override
        public void disconnected(MqttDisconnectResponse r) {
        }

        @Override
        public void mqttErrorOccurred(MqttException e) {
        }

        @Override
        public void deliveryComplete(IMqttToken t) {
        }

        @Override
        public void connectComplete(boolean reconnect, String uri) {
        }

        @Override
        public void authPacketArrived(int code, MqttProperties p) {
        }
    }
}
