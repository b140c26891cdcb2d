package org.aems.ingest.watch;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.aems.core.alert.Alert;
import org.aems.core.alert.AlertKind;
import org.aems.core.alert.AlertSink;
import org.aems.core.alert.Severity;
import org.aems.core.telemetry.TelemetryCodec;

/**
 * Raises {@link AlertKind#INGEST_STALLED} when telemetry stops flowing without anything failing loudly:
 * messages held for longer than {@code stallAfter} with no commit (a hung writer, a table lock shorter
 * than the commit timeout but long), or no broker connection for that long. Failing commits have their
 * own alert (INGEST_STORE_FAILING), so a stall is only reported while the store is not failing.
 */
public final class IngestStallWatch {

    static final String SUBJECT = "ingest";

    private final IntSupplier inFlight;
    private final Supplier<Instant> lastCommit;
    private final BooleanSupplier storeHealthy;
    private final BooleanSupplier brokerConnected;
    private final String brokerUrl;
    private final Duration stallAfter;
    private final AlertSink alerts;
    private Instant busySince;
    private Instant disconnectedSince;
    /** True at start, so the first calm look resolves an alert a previous run left open. */
    private boolean raised = true;

    public IngestStallWatch(IntSupplier inFlight, Supplier<Instant> lastCommit, BooleanSupplier storeHealthy,
                            BooleanSupplier brokerConnected, String brokerUrl, Duration stallAfter, AlertSink alerts) {
        this.inFlight = inFlight;
        this.lastCommit = lastCommit;
        this.storeHealthy = storeHealthy;
        this.brokerConnected = brokerConnected;
        this.brokerUrl = brokerUrl;
        this.stallAfter = stallAfter;
        this.alerts = alerts;
    }

    /** Looks once; called every {@link WatchSettings#interval()}. */
    public void check(Instant now) {
        String stall = stall(now);
        if (stall != null) {
            alerts.raise(new Alert(AlertKind.INGEST_STALLED, Severity.CRITICAL, SUBJECT, stall, now));
            raised = true;
        } else if (raised) {
            alerts.resolve(AlertKind.INGEST_STALLED, SUBJECT, now);
            raised = false;
        }
    }

    private String stall(Instant now) {
        if (brokerConnected.getAsBoolean()) {
            disconnectedSince = null;
        } else if (disconnectedSince == null) {
            disconnectedSince = now;
        }
        if (disconnectedSince != null && !now.isBefore(disconnectedSince.plus(stallAfter))) {
            return "ingest has not been connected to the MQTT broker " + brokerUrl + " since "
                    + TelemetryCodec.format(disconnectedSince) + "; no telemetry is arriving. Check that the broker runs "
                    + "and accepts ingest's credentials (aems.ingest.mqtt.*); gateways keep their data until it is back";
        }
        int held = inFlight.getAsInt();
        if (held == 0) {
            busySince = null;
            return null;
        }
        if (busySince == null) {
            busySince = now;
        }
        Instant committed = lastCommit.get();
        Instant progress = committed != null && committed.isAfter(busySince) ? committed : busySince;
        if (storeHealthy.getAsBoolean() && !now.isBefore(progress.plus(stallAfter))) {
            return "ingest holds " + held + " messages and has committed nothing since " + TelemetryCodec.format(progress)
                    + " without an error: a lock on the telemetry tables or a hung writer. Check pg_stat_activity for "
                    + "blocked sessions and the ingest log; a restart is safe (unacknowledged messages are redelivered)";
        }
        return null;
    }
}
