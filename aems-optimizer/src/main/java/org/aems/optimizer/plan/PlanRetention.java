package org.aems.optimizer.plan;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.aems.core.time.Jst;
import org.aems.core.time.Slot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Trims plan versions older than {@code max-age} to what the record needs (every round stores a full horizon per
 * bank: ~130k slot rows a day for odawara). For every bank and slot, the version in force at the slot's gate
 * closure and the day-ahead one (made by 12:00 JST the day before) keep their rows of that slot, every feeder's;
 * all other rows of old versions are deleted, and a version left without rows is deleted too, unless it is its
 * bank's newest. The versions those rules pick for a slot are chosen among the rows of that slot only, so deleting
 * the others never changes the pick: {@link BalancingPlanQuery} and {@link PlanStore#inForce} answer the same
 * after a purge, for every day. Since {@code max-age} is at least 2 days (a plan's horizon), every gate an old
 * version covers has closed and no new version can change a pick. Works in batches of {@code batch} versions, one
 * short transaction each; safe to run in several instances at once.
 */
public final class PlanRetention implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PlanRetention.class);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);
    /**
     * (version, slot) pairs the record needs among the slots the versions in parameter 1 cover: per bank and slot,
     * the newest version made by the slot's gate closure and the newest made by 12:00 JST the day before the slot's
     * day (ties: the higher id), as BalancingPlanQuery and PlanStore.inForce choose them.
     */
    private static final String NEEDED = """
            WITH covered AS (
                SELECT DISTINCT pv.bank_id, ps.slot_start FROM plan_slot ps JOIN plan_version pv ON pv.id = ps.plan_id
                WHERE ps.plan_id = ANY (?) AND ps.feeder_id = ''),
            due AS (
                SELECT bank_id, slot_start, slot_start - make_interval(secs => ?) AS gate_closure,
                       ((slot_start AT TIME ZONE ?)::date - 1 + CAST(? AS time)) AT TIME ZONE ? AS day_ahead
                FROM covered)
            SELECT f.id, d.slot_start FROM due d CROSS JOIN LATERAL (%s) f
            UNION
            SELECT a.id, d.slot_start FROM due d CROSS JOIN LATERAL (%s) a""".formatted(pick("gate_closure"), pick("day_ahead"));

    private static String pick(String due) {
        return """
                SELECT pv.id FROM plan_slot ps JOIN plan_version pv ON pv.id = ps.plan_id
                WHERE ps.feeder_id = '' AND ps.slot_start = d.slot_start AND pv.bank_id = d.bank_id AND pv.created_at <= d.%s
                ORDER BY pv.created_at DESC, pv.id DESC LIMIT 1""".formatted(due);
    }

    /** What one purge did: versions trimmed, and the rows deleted. */
    public record Purged(int versionsTrimmed, int versionsDeleted, long slotRowsDeleted, long jobsDeleted, long commandsDeleted) {
    }

    /** Finished jobs, or old commands, deleted per statement. */
    private static final int ROW_BATCH = 10_000;

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final PlanRetentionSettings settings;
    private final Clock clock;
    private final Counter versionsDeleted;
    private final Counter slotRowsDeleted;
    private final Counter jobsDeleted;
    private final Counter commandsDeleted;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "aems-plan-retention");
        t.setDaemon(true);
        return t;
    });

    public PlanRetention(DataSource dataSource, PlanRetentionSettings settings, MeterRegistry metrics, Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.versionsDeleted = rowsDeleted(metrics, "plan_version");
        this.slotRowsDeleted = rowsDeleted(metrics, "plan_slot");
        this.jobsDeleted = rowsDeleted(metrics, "optimizer_job");
        this.commandsDeleted = rowsDeleted(metrics, "dispatch_command");
    }

    private static Counter rowsDeleted(MeterRegistry metrics, String table) {
        return Counter.builder("aems.optimizer.plans.purged").tag("table", table)
                .description("Rows deleted by the plan retention, by table").register(metrics);
    }

    /** Purges every {@code interval}, the first time a minute after start. */
    public void start() {
        timer.scheduleWithFixedDelay(this::purgeQuietly, 60, settings.interval().toSeconds(), TimeUnit.SECONDS);
    }

    /** Trims the versions created before now − {@code max-age} and not trimmed yet. */
    public Purged purge() {
        Instant started = clock.instant();
        long startedNanos = System.nanoTime();
        Instant createdBefore = started.minus(settings.maxAge());
        Set<Long> newest = new HashSet<>(jdbc.sql("SELECT DISTINCT ON (bank_id) id FROM plan_version ORDER BY bank_id, created_at DESC, id DESC")
                .query(Long.class).list());
        int trimmed = 0;
        int versions = 0;
        long slotRows = 0;
        Instant progressAt = started.plus(PROGRESS_EVERY);
        while (true) {
            List<Long> batch = jdbc.sql("SELECT id FROM plan_version WHERE created_at < ? AND slots_trimmed_at IS NULL ORDER BY created_at, id LIMIT ?")
                    .params(Timestamp.from(createdBefore), settings.batch()).query(Long.class).list();
            if (batch.isEmpty()) {
                break;
            }
            long[] deleted = trim(batch, newest, started);
            trimmed += batch.size();
            versions += (int) deleted[0];
            slotRows += deleted[1];
            versionsDeleted.increment(deleted[0]);
            slotRowsDeleted.increment(deleted[1]);
            Instant now = clock.instant();
            if (now.isAfter(progressAt)) {
                log.info("plan retention under way: {} versions trimmed, {} deleted, {} slot rows deleted", trimmed, versions, slotRows);
                progressAt = now.plus(PROGRESS_EVERY);
            }
        }
        if (trimmed > 0) {
            log.info("plan retention [created-before: {}]: {} versions trimmed to their day-ahead and gate-closure slots, {} left empty and "
                    + "deleted, {} slot rows deleted, in {} ms", createdBefore, trimmed, versions, slotRows,
                    (System.nanoTime() - startedNanos) / 1_000_000);
        }
        // Finished jobs only: queued or running ones are the queue's.
        Instant jobsBefore = started.minus(settings.jobMaxAge());
        long jobs = deleteInBatches("DELETE FROM optimizer_job WHERE (bank_id, slot_start) IN (SELECT bank_id, slot_start FROM optimizer_job"
                + " WHERE slot_start < ? AND status IN ('DONE', 'FAILED', 'SKIPPED') LIMIT ?)", jobsBefore, jobsDeleted);
        if (jobs > 0) {
            log.info("plan retention [jobs-before: {}]: {} finished optimizer jobs deleted", jobsBefore, jobs);
        }
        // Any status: a command issued that long ago lapsed long before (it is valid for a slot and the handover).
        Instant commandsBefore = started.minus(settings.commandMaxAge());
        long commands = deleteInBatches("DELETE FROM dispatch_command WHERE command_id IN (SELECT command_id FROM dispatch_command"
                + " WHERE issued_at < ? LIMIT ?)", commandsBefore, commandsDeleted);
        if (commands > 0) {
            log.info("plan retention [commands-before: {}]: {} dispatched commands deleted", commandsBefore, commands);
        }
        return new Purged(trimmed, versions, slotRows, jobs, commands);
    }

    /** Runs {@code delete} (parameters: the cut-off, the batch size) until a batch comes back short; counts the rows. */
    private long deleteInBatches(String delete, Instant before, Counter counter) {
        long deleted = 0;
        int n;
        do {
            n = jdbc.sql(delete).params(Timestamp.from(before), ROW_BATCH).update();
            deleted += n;
            counter.increment(n);
        } while (n == ROW_BATCH);
        return deleted;
    }

    /** One transaction: the batch's rows the record does not need, then its versions left empty; returns {versions, slot rows}. */
    private long[] trim(List<Long> ids, Set<Long> newest, Instant now) {
        Long[] array = ids.toArray(Long[]::new);
        return transaction.execute(status -> {
            int slots = jdbc.sql("""
                            WITH needed AS (%s)
                            DELETE FROM plan_slot ps WHERE ps.plan_id = ANY (?)
                              AND NOT EXISTS (SELECT 1 FROM needed n WHERE n.id = ps.plan_id AND n.slot_start = ps.slot_start)"""
                            .formatted(NEEDED))
                    .params(array, Slot.GATE_CLOSURE_LEAD.toSeconds(), Jst.ZONE.getId(), BalancingPlanQuery.DAY_AHEAD_DUE.toString(),
                            Jst.ZONE.getId(), array)
                    .update();
            int versions = jdbc.sql("""
                            DELETE FROM plan_version pv WHERE pv.id = ANY (?) AND NOT (pv.id = ANY (?))
                              AND NOT EXISTS (SELECT 1 FROM plan_slot ps WHERE ps.plan_id = pv.id)""")
                    .params(array, newest.toArray(Long[]::new)).update();
            jdbc.sql("UPDATE plan_version SET slots_trimmed_at = ? WHERE id = ANY (?)").params(Timestamp.from(now), array).update();
            return new long[] {versions, slots};
        });
    }

    private void purgeQuietly() {
        try {
            purge();
        } catch (RuntimeException e) {
            log.error("plan retention failed (retrying in {}): {}", settings.interval(), e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
