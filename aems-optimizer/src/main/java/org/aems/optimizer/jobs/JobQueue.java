package org.aems.optimizer.jobs;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import javax.sql.DataSource;
import org.aems.core.grid.BankId;
import org.aems.core.time.Slot;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * Table {@code optimizer_job}: banks are the unit of work. Every instance enqueues the same jobs (the key
 * makes that idempotent), and workers claim them with {@code FOR UPDATE SKIP LOCKED}, so N instances share
 * a region without a coordinator and never solve a bank twice for the same slot. A claim whose worker died
 * is taken over once its lease has run out.
 */
public final class JobQueue {

    private static final int MAX_ATTEMPTS = 3;

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final String worker;
    private final Duration lease;

    public JobQueue(DataSource dataSource, String worker, Duration lease) {
        this.jdbc = JdbcClient.create(dataSource);
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.worker = worker;
        this.lease = lease;
    }

    /** Queues one job per bank for {@code slot}; jobs that exist already are left alone. Returns how many were new. */
    public int enqueue(Collection<BankId> banks, Slot slot, Instant now) {
        int added = 0;
        for (BankId bank : banks) {
            added += jdbc.sql("INSERT INTO optimizer_job (bank_id, slot_start, status, enqueued_at) VALUES (?, ?, 'QUEUED', ?) "
                            + "ON CONFLICT (bank_id, slot_start) DO NOTHING")
                    .params(bank.value(), Timestamp.from(slot.start()), Timestamp.from(now)).update();
        }
        return added;
    }

    /**
     * Claims the oldest open job: QUEUED, or RUNNING under a lease that has run out. Jobs whose slot has ended
     * are skipped (their plan would dispatch into the past). Empty when nothing is left.
     */
    public Optional<BankJob> claim(Instant now) {
        return transaction.execute(status -> {
            jdbc.sql("UPDATE optimizer_job SET status = 'SKIPPED', finished_at = ?, error = 'the slot ended before a worker finished it' "
                            + "WHERE status IN ('QUEUED', 'RUNNING') AND slot_start <= ? AND (status = 'QUEUED' OR claimed_at < ?)")
                    .params(Timestamp.from(now), Timestamp.from(now.minus(Slot.DURATION)), Timestamp.from(now.minus(lease))).update();
            Optional<BankJob> job = jdbc.sql("""
                            SELECT bank_id, slot_start, attempts FROM optimizer_job
                            WHERE (status = 'QUEUED' OR (status = 'RUNNING' AND claimed_at < ?)) AND attempts < ?
                            ORDER BY slot_start, bank_id LIMIT 1 FOR UPDATE SKIP LOCKED""")
                    .params(Timestamp.from(now.minus(lease)), MAX_ATTEMPTS)
                    .query((rs, n) -> new BankJob(BankId.of(rs.getString(1)), Slot.containing(rs.getTimestamp(2).toInstant()),
                            rs.getInt(3) + 1))
                    .optional();
            job.ifPresent(j -> jdbc.sql("UPDATE optimizer_job SET status = 'RUNNING', claimed_by = ?, claimed_at = ?, attempts = ? "
                            + "WHERE bank_id = ? AND slot_start = ?")
                    .params(worker, Timestamp.from(now), j.attempts(), j.bank().value(), Timestamp.from(j.slot().start())).update());
            return job;
        });
    }

    /** @param planId the bank plan stored, or null when every feeder of the bank was islanded */
    public void done(BankJob job, Long planId, Instant now) {
        finish(job, "DONE", planId, null, now);
    }

    /** A failed job is retried by the next claim until it has been tried {@value #MAX_ATTEMPTS} times. */
    public void failed(BankJob job, String error, Instant now) {
        finish(job, job.attempts() >= MAX_ATTEMPTS ? "FAILED" : "QUEUED", null, error, now);
    }

    /** A failure that another attempt in this slot cannot fix (e.g. not enough history): FAILED at once. */
    public void gaveUp(BankJob job, String error, Instant now) {
        finish(job, "FAILED", null, error, now);
    }

    private void finish(BankJob job, String status, Long planId, String error, Instant now) {
        jdbc.sql("UPDATE optimizer_job SET status = ?, plan_id = ?, error = ?, finished_at = ? "
                        + "WHERE bank_id = ? AND slot_start = ? AND claimed_by = ?")
                .params(status, planId, error, Timestamp.from(now), job.bank().value(), Timestamp.from(job.slot().start()), worker)
                .update();
    }

    public String worker() {
        return worker;
    }
}
