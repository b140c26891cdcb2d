package org.aems.api.dashboard;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.aems.core.time.Jst;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Tells open dashboards when the rollup has moved (rollup_watermark.scanned_until: event {@code rollup}) or an alert
 * was raised, repeated, acknowledged or closed (event {@code alerts}), so they fetch again: one cheap query per pulse
 * for all viewers, not one per viewer. Streams end after 30 minutes and EventSource reconnects, which also drops
 * viewers whose session has ended.
 */
@Component
class LivePulse {

    private static final Logger log = LoggerFactory.getLogger(LivePulse.class);
    private static final long STREAM_MILLIS = Duration.ofMinutes(30).toMillis();
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

    private final DataSource dataSource;
    private final Clock clock;
    private final List<SseEmitter> streams = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService pulse = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "aems-dashboard-pulse");
        t.setDaemon(true);
        return t;
    });
    private volatile Instant rolledUpUntil;
    private volatile String alerts;
    private volatile Instant lastSent = Instant.EPOCH;
    private final Duration every;
    /** Said once when reading fails and once when it works again, not at every pulse of an outage. */
    private boolean failing;

    LivePulse(DataSource dataSource, Clock clock, DashboardSettings settings, MeterRegistry metrics) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.every = settings.pulse();
        Gauge.builder("aems.dashboard.streams", streams, List::size).description("Open live dashboard streams").register(metrics);
    }

    /** Once the schema is migrated and the app serves requests. */
    @EventListener(ApplicationReadyEvent.class)
    void start() {
        pulse.scheduleWithFixedDelay(this::beat, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    SseEmitter subscribe() {
        SseEmitter emitter = new SseEmitter(STREAM_MILLIS);
        emitter.onCompletion(() -> streams.remove(emitter));
        emitter.onTimeout(() -> streams.remove(emitter));
        emitter.onError(e -> streams.remove(emitter));
        streams.add(emitter);
        send(emitter, event());
        return emitter;
    }

    private void beat() {
        try {
            State current = state();
            if (failing) {
                failing = false;
                log.info("dashboard pulse reads the rollup watermark and alerts again; live updates resume");
            }
            Instant now = clock.instant();
            boolean rolledUp = !Objects.equals(current.rolledUpUntil(), rolledUpUntil);
            boolean alerted = !Objects.equals(current.alerts(), alerts);
            rolledUpUntil = current.rolledUpUntil();
            alerts = current.alerts();
            if (rolledUp) {
                broadcast(event());
            }
            if (alerted) {
                broadcast(SseEmitter.event().name("alerts").data(Map.of("asOf", Jst.toJst(now).toOffsetDateTime().toString())));
            }
            if (!rolledUp && !alerted && Duration.between(lastSent, now).compareTo(KEEP_ALIVE) >= 0) {
                broadcast(SseEmitter.event().comment("keep-alive"));
            }
        } catch (RuntimeException | SQLException e) {
            if (!failing) {
                failing = true;
                log.warn("dashboard pulse cannot read the rollup watermark and alerts; live updates wait until the database"
                        + " answers again: {}", e.getMessage());
            }
        }
    }

    private SseEmitter.SseEventBuilder event() {
        Instant until = rolledUpUntil;
        return SseEmitter.event().name("rollup").data(Map.of("rolledUpUntil", until == null ? "" : until.toString(),
                "asOf", Jst.toJst(clock.instant()).toOffsetDateTime().toString()));
    }

    private void broadcast(SseEmitter.SseEventBuilder event) {
        lastSent = clock.instant();
        for (SseEmitter emitter : streams) {
            send(emitter, event);
        }
    }

    private void send(SseEmitter emitter, SseEmitter.SseEventBuilder event) {
        try {
            emitter.send(event);
        } catch (IOException | IllegalStateException gone) {
            // The viewer left; Spring completes the emitter.
            streams.remove(emitter);
        }
    }

    /** The rollup's watermark and a fingerprint of the alerts that changes with any raise, repeat, acknowledgement or close. */
    private record State(Instant rolledUpUntil, String alerts) {
    }

    private State state() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT (SELECT scanned_until FROM rollup_watermark),"
                     + " (SELECT concat_ws('/', count(*), max(id), max(last_seen), count(resolved_at), count(acknowledged_at)) FROM alert)")) {
            rs.next();
            Timestamp t = rs.getTimestamp(1);
            return new State(t == null ? null : t.toInstant(), rs.getString(2));
        }
    }

    /**
     * Ends the open streams as soon as the app begins to stop: the web server's graceful shutdown comes next and would
     * otherwise wait its full 30 s for these never-ending requests whenever a dashboard is open.
     */
    @EventListener(ContextClosedEvent.class)
    @PreDestroy
    void stop() {
        pulse.shutdownNow();
        for (SseEmitter emitter : streams) {
            streams.remove(emitter);
            emitter.complete();
        }
    }
}
