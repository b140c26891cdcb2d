package org.aems.ingest.pipeline;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.aems.core.telemetry.RejectionReason;

/** The ingest meters, declared in one place (docs/metrics.md lists them). Tags are bounded enums. */
public final class IngestMetrics {

    public static final String MESSAGES = "aems.ingest.messages";
    public static final String READINGS = "aems.ingest.readings";
    public static final String COMMIT_DURATION = "aems.ingest.commit.duration";
    public static final String LAG = "aems.ingest.lag";
    public static final String STORE_FAILURES = "aems.ingest.store.failures";
    public static final String RECEIVED = "aems.ingest.received";
    public static final String BATCH_SIZE = "aems.ingest.batch.size";
    public static final String IN_FLIGHT = "aems.ingest.in.flight";
    public static final String REGISTER_EVENTS = "aems.ingest.register.events";
    public static final String BROKER_QUEUED = "aems.ingest.broker.queued";

    private final Counter messagesStored;
    private final Counter messagesRefused;
    private final Counter readingsAccepted;
    private final Counter readingsDuplicate;
    private final Counter readingsConflict;
    private final Counter received;
    private final Counter registerEvents;
    private final DistributionSummary batchSize;
    private final Map<RejectionReason, Counter> readingsRejected = new EnumMap<>(RejectionReason.class);
    private final Timer commitDuration;
    private final Timer lag;
    private final Counter storeFailures;
    private final MeterRegistry registry;

    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
        messagesStored = Counter.builder(MESSAGES).tag("outcome", "stored")
                .description("Telemetry messages committed (some readings may have been rejected)").register(registry);
        messagesRefused = Counter.builder(MESSAGES).tag("outcome", "refused")
                .description("Telemetry messages refused whole").register(registry);
        readingsAccepted = readings(registry, "accepted", "none");
        readingsDuplicate = readings(registry, "duplicate", "none");
        readingsConflict = readings(registry, "conflict", "none");
        registerEvents = Counter.builder(REGISTER_EVENTS)
                .description("Cumulative registers that went down: rollover, meter replacement or unexplained decrease")
                .register(registry);
        received = Counter.builder(RECEIVED).description("Telemetry messages taken off the broker").register(registry);
        batchSize = DistributionSummary.builder(BATCH_SIZE).description("Readings per committed batch")
                .publishPercentiles(0.5, 0.99).register(registry);
        for (RejectionReason reason : RejectionReason.values()) {
            readingsRejected.put(reason, readings(registry, "rejected", reason.name()));
        }
        commitDuration = Timer.builder(COMMIT_DURATION).description("Time to commit one batch").register(registry);
        lag = Timer.builder(LAG).description("From a message's arrival to its commit").register(registry);
        storeFailures = Counter.builder(STORE_FAILURES).description("Batch commits that failed and were retried")
                .register(registry);
    }

    private static Counter readings(MeterRegistry registry, String outcome, String reason) {
        return Counter.builder(READINGS).tag("outcome", outcome).tag("reason", reason)
                .description("Telemetry readings by outcome; rejected ones by reason (a refused message counts once)")
                .register(registry);
    }

    void stored(int messages, int accepted, int duplicates, int conflicts) {
        messagesStored.increment(messages);
        readingsAccepted.increment(accepted);
        readingsDuplicate.increment(duplicates);
        readingsConflict.increment(conflicts);
        batchSize.record(accepted + duplicates + conflicts);
    }

    void registerEvents(int count) {
        registerEvents.increment(count);
    }

    void received() {
        received.increment();
    }

    /** Messages received and not yet acknowledged: bounded by the broker's in-flight window. */
    public void trackInFlight(java.util.function.Supplier<Number> inFlight) {
        Gauge.builder(IN_FLIGHT, inFlight).description("Messages received and not yet committed and acknowledged")
                .register(registry);
    }

    /** The broker's own count of messages it holds; NaN while it does not say (not Mosquitto, or not yet). */
    public void trackBrokerQueue(java.util.function.Supplier<java.util.OptionalLong> queued) {
        Gauge.builder(BROKER_QUEUED, () -> {
            java.util.OptionalLong n = queued.get();
            return n.isPresent() ? n.getAsLong() : Double.NaN;
        }).description("Messages the MQTT broker holds (queued for all sessions, and retained), from $SYS").register(registry);
    }

    void refused() {
        messagesRefused.increment();
    }

    void rejected(RejectionReason reason) {
        readingsRejected.get(reason).increment();
    }

    void commit(Duration duration) {
        commitDuration.record(duration);
    }

    void lag(Duration duration) {
        lag.record(duration);
    }

    void storeFailed() {
        storeFailures.increment();
    }
}
