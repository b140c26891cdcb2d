package org.aems.api.dashboard;

import jakarta.annotation.PreDestroy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.aems.api.alert.AlertStore;
import org.aems.api.cluster.OneInstanceAtATime;
import org.aems.api.dashboard.FeederDay.FeederSlot;
import org.aems.core.alert.Alert;
import org.aems.core.alert.AlertKind;
import org.aems.core.alert.AlertSink;
import org.aems.core.alert.Severity;
import org.aems.core.time.Jst;
import org.aems.core.unit.Power;
import org.aems.ingest.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Raises (and closes) the operational alerts the dashboard's data shows, through the shared seam: a feeder whose latest
 * rolled-up slot sent back more than its reverse-flow limit, a site whose commands went unacknowledged in the last
 * hour, gateways that have gone silent (one alert per feeder), and a slot far off the market plan's forecast. Runs once
 * a minute; the silence check is one index probe per site, the others a query over small tables.
 */
@Component
class OperationsWatch {

    private static final Logger log = LoggerFactory.getLogger(OperationsWatch.class);
    static final Duration COMMAND_WINDOW = Duration.ofHours(1);
    /** A gateway that has reported before and sent nothing stamped within this long is silent. */
    static final Duration SILENT_AFTER = Duration.ofMinutes(15);
    private static final int NAMED = 5;

    private final FeederDayQuery feeders;
    private final AlertStore alerts;
    private final AlertSink sink;
    private final DataSource dataSource;
    private final ForecastErrorCheck forecastErrors;
    private final OneInstanceAtATime exclusive;
    private final Clock clock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "aems-operations-watch");
        t.setDaemon(true);
        return t;
    });

    OperationsWatch(FeederDayQuery feeders, AlertStore alerts, AlertSink sink, DataSource dataSource, DashboardSettings settings,
                    Clock clock) {
        this.feeders = feeders;
        this.forecastErrors = new ForecastErrorCheck(dataSource, sink, settings);
        this.exclusive = new OneInstanceAtATime(dataSource, "operations-watch");
        this.alerts = alerts;
        this.sink = sink;
        this.dataSource = dataSource;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        timer.scheduleWithFixedDelay(() -> {
            try {
                round();
            } catch (RuntimeException e) {
                log.warn("operations watch failed, trying again in a minute: {}", e.getMessage());
            }
        }, 1, 1, TimeUnit.MINUTES);
    }

    /** One round of every check, on one instance of the cluster at a time (the others skip theirs). */
    synchronized void round() {
        exclusive.run(() -> {
            Instant now = clock.instant();
            reverseFlow(now);
            unacknowledgedCommands(now);
            silentGateways(now);
            forecastErrors.check(now);
        });
    }

    private void silentGateways(Instant now) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT s.feeder_id, count(last.ts), count(*) FILTER (WHERE last.ts < ?),
                       (array_agg(s.id ORDER BY s.id) FILTER (WHERE last.ts < ?))[1:?]
                FROM site s
                LEFT JOIN LATERAL (SELECT t.ts FROM telemetry_reading t WHERE t.site_id = s.id ORDER BY t.ts DESC LIMIT 1) last ON true
                GROUP BY s.feeder_id ORDER BY s.feeder_id""")) {
            Timestamp since = Timestamp.from(now.minus(SILENT_AFTER));
            ps.setTimestamp(1, since);
            ps.setTimestamp(2, since);
            ps.setInt(3, NAMED);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String subject = "feeder " + rs.getString(1);
                    int reporting = rs.getInt(2);
                    int silent = rs.getInt(3);
                    if (silent == 0) {
                        sink.resolve(AlertKind.GATEWAYS_SILENT, subject, now);
                        continue;
                    }
                    String named = String.join(", ", (String[]) rs.getArray(4).getArray());
                    sink.raise(new Alert(AlertKind.GATEWAYS_SILENT, silent == reporting ? Severity.CRITICAL : Severity.WARNING, subject,
                            silent + " of " + reporting + " gateways on feeder " + rs.getString(1) + " sent nothing stamped within the last "
                                    + SILENT_AFTER.toMinutes() + " min (" + named + (silent > NAMED ? ", …" : "") + "); check their"
                                    + " connections, or the site's Sites page for rejected data", now));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("looking for silent gateways failed: " + e.getMessage(), e);
        }
    }

    private void reverseFlow(Instant now) {
        for (FeederDay feeder : feeders.on(Jst.toJst(now).toLocalDate())) {
            String subject = "feeder " + feeder.feederId();
            Optional<FeederSlot> latest = feeder.slots().stream().filter(s -> s.netImport() != null).reduce((a, b) -> b);
            if (latest.isPresent() && latest.get().breaches(feeder.reverseFlowLimit())) {
                Power reverse = FeederSlot.average(latest.get().netImport()).negate();
                sink.raise(new Alert(AlertKind.FEEDER_REVERSE_FLOW_BREACHED, Severity.CRITICAL, subject, String.format(
                        "%s (%s) sent back %.1f kW on average in slot %s, above its reverse-flow limit of %.1f kW; check the"
                                + " bank's plan and curtailment", feeder.name(), feeder.feederId(), reverse.toKilowatts(),
                        latest.get().slot(), feeder.reverseFlowLimit().get().toKilowatts()), now));
            } else if (latest.isPresent()) {
                sink.resolve(AlertKind.FEEDER_REVERSE_FLOW_BREACHED, subject, now);
            }
        }
    }

    private void unacknowledgedCommands(Instant now) {
        Set<String> raised = new HashSet<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT site_id, count(*), max(issued_at) FROM dispatch_command
                WHERE status = 'NO_ACK' AND issued_at >= ? GROUP BY site_id ORDER BY site_id""")) {
            ps.setTimestamp(1, Timestamp.from(now.minus(COMMAND_WINDOW)));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String subject = "site " + rs.getString(1);
                    raised.add(subject);
                    sink.raise(new Alert(AlertKind.COMMAND_UNACKNOWLEDGED, Severity.WARNING, subject, rs.getInt(2)
                            + " command(s) to " + rs.getString(1) + " not acknowledged in the last hour (latest issued "
                            + Jst.toJst(rs.getTimestamp(3).toInstant()).toOffsetDateTime() + "); check that its gateway is online"
                            + " and subscribed to its commands topic", now));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("reading unacknowledged commands failed: " + e.getMessage(), e);
        }
        for (String open : alerts.openSubjects(AlertKind.COMMAND_UNACKNOWLEDGED)) {
            if (!raised.contains(open)) {
                sink.resolve(AlertKind.COMMAND_UNACKNOWLEDGED, open, now);
            }
        }
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }
}
