package org.aems.optimizer.runtime;

import java.time.Duration;
import org.aems.optimizer.dispatch.PlanCommands;

/**
 * The optimizer role (prefix {@code aems.optimizer}).
 *
 * @param enabled          plan and dispatch in this instance (default off; the embedded default turns it on)
 * @param workers          banks solved in parallel by this instance (default: the number of cores)
 * @param delay            how long after a slot begins its plan is made, so the boundary's readings are in
 * @param solveTimeLimit   per bank; then the last plan or the baseline is published and an alert raised
 * @param socMaxAge        a battery whose state of charge is older than this is left in its default mode
 * @param historyDays      feeder history the forecasts learn from
 * @param notFollowingFor  a site that refused or ignored a command is planned around for this long
 * @param lease            a job claimed longer ago than this is taken over (its worker died)
 * @param dispatch         send the plans' setpoints to the gateways (off: plan only, e.g. shadow mode)
 * @param limitMargin      share of every reverse-flow and import limit the plans keep in reserve for forecast error
 * @param regionalShare    after gate closure, banks with storage take over other banks' forced deviations so the
 *                         balancing group stays on plan (default on; ADR 0023)
 */
public record OptimizerSettings(boolean enabled, int workers, Duration delay, Duration solveTimeLimit, Duration socMaxAge,
                                int historyDays, Duration notFollowingFor, Duration lease, Boolean dispatch, Double limitMargin,
                                Boolean regionalShare) {

    public OptimizerSettings {
        workers = workers <= 0 ? Runtime.getRuntime().availableProcessors() : workers;
        delay = delay == null ? Duration.ofSeconds(60) : delay;
        Duration latest = PlanCommands.HANDOVER.minusMinutes(1);
        if (delay.isNegative() || delay.compareTo(latest) > 0) {
            throw new IllegalArgumentException("aems.optimizer.delay must lie within 0.." + latest.toMinutes() + " min (the setpoints of a slot stay valid "
                    + PlanCommands.HANDOVER.toMinutes() + " min into the next, and its round must replace them before), was " + delay);
        }
        solveTimeLimit = solveTimeLimit == null ? Duration.ofSeconds(20) : solveTimeLimit;
        socMaxAge = socMaxAge == null ? Duration.ofMinutes(15) : socMaxAge;
        historyDays = historyDays <= 0 ? 28 : historyDays;
        notFollowingFor = notFollowingFor == null ? Duration.ofHours(2) : notFollowingFor;
        lease = lease == null ? Duration.ofMinutes(5) : lease;
        dispatch = dispatch == null || dispatch;
        limitMargin = limitMargin == null ? ProblemBuilder.DEFAULT_LIMIT_MARGIN : limitMargin;
        regionalShare = regionalShare == null || regionalShare;
    }
}
