package org.aems.ingest.pipeline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.aems.core.alert.Alert;
import org.aems.core.alert.AlertKind;
import org.aems.core.alert.AlertSink;
import org.aems.core.alert.Severity;
import org.aems.core.echonet.EchonetDecoding;
import org.aems.core.echonet.EchonetMessageCodec;
import org.aems.core.grid.SiteId;
import org.aems.core.telemetry.DecodeResult;
import org.aems.core.telemetry.Reading;
import org.aems.core.telemetry.Rejection;
import org.aems.core.telemetry.TelemetryCodec;
import org.aems.core.telemetry.Topics;
import org.aems.ingest.mqtt.Acknowledger;
import org.aems.ingest.mqtt.InboundMessage;
import org.aems.ingest.store.MeterScaleStore;
import org.aems.ingest.store.ReadingStore;
import org.aems.ingest.store.ReadingStore.StampedReading;
import org.aems.ingest.store.RejectionRecord;
import org.aems.ingest.validation.ReadingValidator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single writer thread: takes messages off the queue, decodes and validates them, commits a batch
 * (readings and rejections in one transaction) and only then acknowledges its messages, in arrival
 * order. A failed commit is retried with backoff, holding the acknowledgements back, so nothing is
 * lost while the database is away and the broker's in-flight window applies backpressure. A
 * Resilience4j circuit breaker stops hammering a database that keeps failing and probes it with
 * exponential backoff; ingest resumes by itself when a probe succeeds.
 */
public final class BatchWriter implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(BatchWriter.class);

    private final BlockingQueue<InboundMessage> queue;
    private final TelemetryCodec codec;
    private final EchonetMessageCodec echonet = new EchonetMessageCodec();
    private final MeterScaleStore scales;
    private final AlertSink alerts;
    private Instant failingSince;
    private String lastFailure;
    private final ReadingValidator validator;
    private final ReadingStore store;
    private final Acknowledger acknowledger;
    private final IngestMetrics metrics;
    private final BatchSettings settings;
    private final Clock clock;
    private final CircuitBreaker breaker;
    private volatile boolean running = true;
    private volatile boolean storeHealthy = true;
    private volatile Thread thread;
    private volatile int holding;
    private volatile Instant lastCommit;
    private InboundMessage retry;
    private boolean lookupsFailing;
    private long lookupBackoffMillis = 100;

    public BatchWriter(BlockingQueue<InboundMessage> queue, TelemetryCodec codec, MeterScaleStore scales,
                       ReadingValidator validator, ReadingStore store, Acknowledger acknowledger, AlertSink alerts,
                       IngestMetrics metrics, BatchSettings settings, Clock clock) {
        this.queue = queue;
        this.alerts = alerts;
        this.codec = codec;
        this.scales = scales;
        this.validator = validator;
        this.store = store;
        this.acknowledger = acknowledger;
        this.metrics = metrics;
        this.settings = settings;
        this.clock = clock;
        this.breaker = StoreCircuitBreaker.create(settings.retryBackoffMax());
    }

    /** The breaker around the store: open while the database keeps failing, probing with backoff. */
    public CircuitBreaker circuitBreaker() {
        return breaker;
    }

    public void start() {
        Thread t = new Thread(this, "aems-ingest-writer");
        t.setDaemon(false);
        thread = t;
        t.start();
    }

    /** Stops taking new messages, commits what it holds, and returns when the thread has ended. */
    public void stop(Duration timeout) throws InterruptedException {
        running = false;
        Thread t = thread;
        if (t != null) {
            t.join(timeout.toMillis());
        }
    }

    /** Messages taken off the queue and not yet acknowledged, plus those waiting in the queue. */
    public int inFlight() {
        // Held first, then queued: a message moving from the queue into the batch between the two reads
        // is missed once rather than counted twice, so the figure never exceeds the receive maximum.
        int held = holding;
        return held + queue.size();
    }

    /** When the last batch was committed, or null before the first. */
    public Instant lastCommit() {
        return lastCommit;
    }

    /** False while commits are failing (the database is down or refusing writes). */
    public boolean isStoreHealthy() {
        return storeHealthy;
    }

    @Override
    public void run() {
        Batch batch = new Batch();
        while (running || !queue.isEmpty()) {
            try {
                fill(batch);
                if (!batch.isEmpty()) {
                    commit(batch);
                    batch = new Batch();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (!batch.isEmpty()) {
            log.warn("writer stopped with {} uncommitted messages; the broker will redeliver them", batch.messages.size());
        }
    }

    private void fill(Batch batch) throws InterruptedException {
        InboundMessage first = next(100_000_000L);
        if (first == null) {
            return;
        }
        if (!offer(batch, first)) {
            pauseForLookups();
            return;
        }
        long deadline = System.nanoTime() + settings.maxDelay().toNanos();
        while (batch.readings.size() < settings.maxReadings()) {
            long wait = deadline - System.nanoTime();
            if (wait <= 0) {
                break;
            }
            InboundMessage next = next(wait);
            if (next == null || !offer(batch, next)) {
                break;
            }
        }
    }

    /** The message whose look-ups failed last time, else the queue's next one. */
    private InboundMessage next(long waitNanos) throws InterruptedException {
        if (retry != null) {
            InboundMessage m = retry;
            retry = null;
            return m;
        }
        InboundMessage m = queue.poll(waitNanos, TimeUnit.NANOSECONDS);
        if (m != null) {
            metrics.received();
        }
        return m;
    }

    /**
     * Adds the message to the batch; false when its database look-ups (registry, meter scale) failed. It is then held
     * as {@link #retry}, unacknowledged, and processed first once the batch before it is committed: the writer never
     * dies of an outage and the acknowledgements stay in arrival order. Any other failure is a bug with this payload:
     * the message is refused as PROCESSING_FAILED, its payload kept, so one poison message cannot stop ingest.
     */
    private boolean offer(Batch batch, InboundMessage message) {
        try {
            add(batch, message);
            if (lookupsFailing) {
                log.info("registry and meter look-ups work again; ingest resumed");
                lookupsFailing = false;
                lookupBackoffMillis = 100;
            }
            return true;
        } catch (RuntimeException e) {
            if (causedBySql(e)) {
                retry = message;
                if (!lookupsFailing) {
                    log.error("looking up the registry for a message on {} failed; holding it unacknowledged and retrying. "
                            + "Check the database: {}", message.topic(), e.getMessage());
                }
                lookupsFailing = true;
                storeHealthy = false; // health DOWN, as for a failing commit: the database is what failed
                return false;
            }
            log.error("processing a message on {} failed; refused as PROCESSING_FAILED with its payload kept in "
                    + "telemetry_rejection. Please report this with the row", message.topic(), e);
            refuse(batch, message, Topics.siteOf(message.topic()).map(SiteId::value).orElse(null), null,
                    Rejection.ofMessage(org.aems.core.telemetry.RejectionReason.PROCESSING_FAILED,
                            "ingest could not process this message (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                                    + "); it is kept here for replay once fixed"));
            return true;
        } finally {
            holding = batch.messages.size() + (retry == null ? 0 : 1);
        }
    }

    private void pauseForLookups() throws InterruptedException {
        Thread.sleep(lookupBackoffMillis);
        lookupBackoffMillis = Math.min(lookupBackoffMillis * 2, settings.retryBackoffMax().toMillis());
    }

    private static boolean causedBySql(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException) {
                return true;
            }
        }
        return false;
    }

    private void refuse(Batch batch, InboundMessage message, String site, String messageId, Rejection rejection) {
        batch.messages.add(message);
        batch.rejections.add(record(message, site, messageId, rejection));
        metrics.rejected(rejection.reason());
        batch.refused++;
    }

    /** Decodes and validates; adds the message to the batch only when nothing threw (see {@link #offer}). */
    private void add(Batch batch, InboundMessage message) {
        SiteId site = Topics.siteOf(message.topic()).orElse(null);
        if (site == null) {
            // Cannot happen with our subscription filter unless the site segment is not a valid id.
            refuse(batch, message, null, null, Rejection.ofMessage(org.aems.core.telemetry.RejectionReason.MALFORMED_MESSAGE,
                    "topic '" + message.topic() + "' does not name a valid site: use aems/v1/sites/{siteId}/telemetry or .../echonet"));
            return;
        }
        Rejection wrongAccount = PublisherCheck.refusal(message.publisher(), site);
        if (wrongAccount != null) {
            refuse(batch, message, site.value(), null, wrongAccount);
            return;
        }
        DecodeResult result = decode(site, message);
        String messageId = null;
        if (result instanceof DecodeResult.Decoded decoded) {
            messageId = decoded.message().messageId();
            result = validator.validate(decoded);
        }
        if (result instanceof DecodeResult.Refused r) {
            refuse(batch, message, site.value(), messageId, r.rejection());
            return;
        }
        DecodeResult.Decoded decoded = (DecodeResult.Decoded) result;
        ReadingStore.Origin origin = ReadingStore.Origin.of(message.topic(), message.payload(), settings.payloadCap());
        batch.messages.add(message);
        for (Reading reading : decoded.message().readings()) {
            batch.readings.add(new StampedReading(reading, decoded.message().messageId(), message.receivedAt(), origin));
        }
        for (Rejection rejection : decoded.rejectedReadings()) {
            batch.rejections.add(record(message, site.value(), decoded.message().messageId(), rejection));
            metrics.rejected(rejection.reason());
        }
    }

    /** JSON telemetry, or raw ECHONET Lite meter frames converted with the meter's last known scale. */
    private DecodeResult decode(SiteId site, InboundMessage message) {
        if (!message.topic().endsWith("/echonet")) {
            return codec.decode(site, message.payload());
        }
        EchonetDecoding decoding = echonet.decode(site, message.payload(), device -> scales.find(site, device));
        decoding.lastScale().ifPresent(s -> scales.save(site, s.device(), s.scale(), message.receivedAt()));
        return decoding.result();
    }

    private RejectionRecord record(InboundMessage message, String site, String messageId, Rejection rejection) {
        return RejectionRecord.of(message.receivedAt(), message.topic(), site, messageId, rejection, message.payload(),
                settings.payloadCap());
    }

    private void commit(Batch batch) throws InterruptedException {
        long backoffMillis = 100;
        while (true) {
            Instant start = clock.instant();
            try {
                ReadingStore.StoreOutcome outcome = breaker.executeSupplier(() -> store.store(batch.readings, batch.rejections));
                Instant end = clock.instant();
                lastCommit = end;
                metrics.commit(Duration.between(start, end));
                metrics.stored(batch.messages.size() - batch.refused, outcome.inserted(), outcome.duplicates(), outcome.conflicts());
                metrics.registerEvents(outcome.registerEvents());
                for (int i = 0; i < outcome.registerDecreases(); i++) {
                    metrics.rejected(org.aems.core.telemetry.RejectionReason.REGISTER_DECREASED);
                }
                for (int i = 0; i < batch.refused; i++) {
                    metrics.refused();
                }
                for (InboundMessage message : batch.messages) {
                    metrics.lag(Duration.between(message.receivedAt(), end));
                    acknowledger.acknowledge(message);
                }
                holding = retry == null ? 0 : 1;
                if (!storeHealthy) {
                    log.info("telemetry store recovered; committed the held batch [messages: {}]", batch.messages.size());
                }
                storeHealthy = true;
                recovered(end);
                watchRejections(batch, end);
                return;
            } catch (CallNotPermittedException e) {
                // The breaker is open: the database failed repeatedly. Wait for its half-open probe.
                storeHealthy = false;
                if (!running) {
                    log.warn("stopping with {} uncommitted messages; the broker redelivers them to the next session",
                            batch.messages.size());
                    return;
                }
                Thread.sleep(200);
            } catch (RuntimeException e) {
                metrics.storeFailed();
                failing(start, e);
                if (storeHealthy) {
                    log.error("committing telemetry failed; holding {} messages unacknowledged and retrying. "
                            + "Check the database: {}", batch.messages.size(), e.getMessage());
                }
                storeHealthy = false;
                if (!running) {
                    log.warn("stopping with {} uncommitted messages; the broker redelivers them to the next session",
                            batch.messages.size());
                    return;
                }
                Thread.sleep(backoffMillis);
                backoffMillis = Math.min(backoffMillis * 2, settings.retryBackoffMax().toMillis());
            }
        }
    }

    private void failing(Instant at, RuntimeException e) {
        lastFailure = e.getMessage();
        if (failingSince == null) {
            failingSince = at;
            // Usually the database is what failed, so this raise fails too; recovered() records it then.
            raiseQuietly(new Alert(AlertKind.INGEST_STORE_FAILING, Severity.CRITICAL, "ingest",
                    "telemetry commits failing since " + TelemetryCodec.format(at) + ": " + e.getMessage(), at));
        }
    }

    private void recovered(Instant at) {
        if (failingSince == null) {
            return;
        }
        raiseQuietly(new Alert(AlertKind.INGEST_STORE_FAILING, Severity.CRITICAL, "ingest",
                "telemetry commits failed from " + TelemetryCodec.format(failingSince) + " to " + TelemetryCodec.format(at)
                        + "; messages were held unacknowledged and none was lost. Last error: " + lastFailure, failingSince));
        try {
            alerts.resolve(AlertKind.INGEST_STORE_FAILING, "ingest", at);
            failingSince = null;
        } catch (RuntimeException e) {
            log.warn("resolving the store alert failed: {}", e.getMessage());
        }
    }

    /** More rejected than accepted readings in a sizeable batch: a gateway or firmware is sending bad data. */
    private void watchRejections(Batch batch, Instant at) {
        if (batch.rejections.size() >= 100 && batch.rejections.size() > batch.readings.size()) {
            raiseQuietly(new Alert(AlertKind.REJECTION_SPIKE, Severity.WARNING, "ingest", batch.rejections.size()
                    + " rejected vs " + batch.readings.size() + " accepted readings in one batch; see telemetry_rejection", at));
        }
    }

    private void raiseQuietly(Alert alert) {
        try {
            alerts.raise(alert);
        } catch (RuntimeException e) {
            log.debug("alert {} not stored yet: {}", alert.kind(), e.getMessage());
        }
    }

    /** Messages of one commit with what they decoded to. */
    private static final class Batch {
        final List<InboundMessage> messages = new ArrayList<>();
        final List<StampedReading> readings = new ArrayList<>();
        final List<RejectionRecord> rejections = new ArrayList<>();
        int refused;

        boolean isEmpty() {
            return messages.isEmpty();
        }
    }
}
