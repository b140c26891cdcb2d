package org.aems.optimizer.plan;

import java.time.Duration;

/**
 * How long plan versions are kept (prefix {@code aems.optimizer.plan-retention}).
 *
 * @param enabled  purge in this instance (with the optimizer role)
 * @param maxAge   versions created longer ago than this are deleted unless the record needs them (the day-ahead
 *                 plan, the plan in force at a slot's gate closure, a bank's newest); at least 2 days, so no
 *                 version that still covers an open gate is ever considered
 * @param interval how often the purge runs
 * @param batch    versions deleted per transaction (with their ~100–400 slot rows each), so no lock is held long
 * @param jobMaxAge finished optimizer jobs (one per bank and slot: what ran, where, with which outcome) for slots longer
 *                  ago than this are deleted; the plans they made follow {@code maxAge}
 * @param commandMaxAge dispatched commands (the optimizer's and operators', with their acknowledgements) issued longer
 *                  ago than this are deleted; default 395 days, as the raw telemetry that shows how sites answered them
 *                  (the city's sunny day brings ~100,000 commands, half of them the export guard's PV limits)
 */
public record PlanRetentionSettings(Boolean enabled, Duration maxAge, Duration interval, Integer batch, Duration jobMaxAge,
                                    Duration commandMaxAge) {

    public static final PlanRetentionSettings DEFAULT = new PlanRetentionSettings(null, null, null, null, null, null);

    public PlanRetentionSettings {
        enabled = enabled == null || enabled;
        maxAge = maxAge == null ? Duration.ofDays(7) : maxAge;
        interval = interval == null ? Duration.ofHours(1) : interval;
        batch = batch == null ? 50 : batch;
        jobMaxAge = jobMaxAge == null ? Duration.ofDays(30) : jobMaxAge;
        commandMaxAge = commandMaxAge == null ? Duration.ofDays(395) : commandMaxAge;
        if (maxAge.compareTo(Duration.ofDays(2)) < 0) {
            throw new IllegalArgumentException("aems.optimizer.plan-retention.max-age must be at least 2 days (a plan covers up to "
                    + "the end of tomorrow), not " + maxAge);
        }
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("aems.optimizer.plan-retention.interval must be positive, not " + interval);
        }
        if (jobMaxAge.compareTo(Duration.ofDays(1)) < 0) {
            throw new IllegalArgumentException("aems.optimizer.plan-retention.job-max-age must be at least a day (jobs of the"
                    + " slots under way are the optimizer's queue), not " + jobMaxAge);
        }
        if (commandMaxAge.compareTo(Duration.ofDays(7)) < 0) {
            throw new IllegalArgumentException("aems.optimizer.plan-retention.command-max-age must be at least 7 days (dashboards"
                    + " and the optimizer read recent commands and their answers), not " + commandMaxAge);
        }
        if (batch < 1 || batch > 10_000) {
            throw new IllegalArgumentException("aems.optimizer.plan-retention.batch must be 1..10000 versions, not " + batch);
        }
    }
}
