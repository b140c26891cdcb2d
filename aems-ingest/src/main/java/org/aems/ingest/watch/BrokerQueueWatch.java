package org.aems.ingest.watch;

import java.time.Instant;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.aems.core.alert.Alert;
import org.aems.core.alert.AlertKind;
import org.aems.core.alert.AlertSink;
import org.aems.core.alert.Severity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Raises {@link AlertKind#BROKER_QUEUE_NEAR_LIMIT} when the broker holds a large share of its queue limit:
 * past the limit it drops QoS 1 telemetry, so operators must act before (restore the database, add
 * ingest instances). Resolved once the queue is back below 7/8 of the warning level, so a queue
 * hovering at the threshold does not flap.
 */
public final class BrokerQueueWatch {

    static final String SUBJECT = "broker";
    private static final Logger log = LoggerFactory.getLogger(BrokerQueueWatch.class);

    private final Supplier<OptionalLong> depth;
    private final long limit;
    private final double warnAt;
    private final AlertSink alerts;
    /** True at start, so the first calm look resolves an alert a previous run left open. */
    private boolean raised = true;
    private boolean reportedUnknown;

    public BrokerQueueWatch(Supplier<OptionalLong> depth, long limit, double warnAt, AlertSink alerts) {
        this.depth = depth;
        this.limit = limit;
        this.warnAt = warnAt;
        this.alerts = alerts;
    }

    /** Looks once; called every {@link WatchSettings#interval()}. */
    public void check(Instant now) {
        OptionalLong held = depth.get();
        if (held.isEmpty()) {
            if (!reportedUnknown) {
                log.info("the broker does not publish its queue depth ({}); broker queue alerts are off", BrokerQueueDepth.TOPIC);
                reportedUnknown = true;
            }
            return;
        }
        reportedUnknown = false;
        long queued = held.getAsLong();
        double share = (double) queued / limit;
        if (share >= warnAt) {
            alerts.raise(new Alert(AlertKind.BROKER_QUEUE_NEAR_LIMIT, Severity.WARNING, SUBJECT,
                    "the broker holds %,d messages, %.0f %% of its queue limit of %,d; beyond it QoS 1 telemetry is dropped. "
                            .formatted(queued, share * 100, limit)
                            + "Restore the database or add ingest instances (shared subscription) so the queue drains", now));
            raised = true;
        } else if (raised && share < warnAt * 7 / 8) {
            alerts.resolve(AlertKind.BROKER_QUEUE_NEAR_LIMIT, SUBJECT, now);
            raised = false;
        }
    }
}
