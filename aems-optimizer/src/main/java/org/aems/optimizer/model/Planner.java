package org.aems.optimizer.model;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
import org.aems.core.alert.Alert;
import org.aems.core.alert.AlertKind;
import org.aems.core.alert.AlertSink;
import org.aems.core.alert.Severity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Always publishes a plan for a bank: the solver's, else the last plan if it still covers every slot, else
 * the rule-based baseline. A fallback raises {@link AlertKind#OPTIMIZER_FALLBACK} for the bank; the next
 * successful solve resolves it.
 */
public final class Planner {

    private static final Logger log = LoggerFactory.getLogger(Planner.class);

    private final Function<BankProblem, Optional<BankPlan>> solver;
    private final BaselinePlanner baseline;
    private final AlertSink alerts;
    private final Clock clock;

    public Planner(BankSolver solver, BaselinePlanner baseline, AlertSink alerts, Clock clock) {
        this(solver::solve, baseline, alerts, clock);
    }

    /** With any solver, e.g. an {@link AggregatingSolver}'s plans. */
    public Planner(Function<BankProblem, Optional<BankPlan>> solver, BaselinePlanner baseline, AlertSink alerts, Clock clock) {
        this.solver = solver;
        this.baseline = baseline;
        this.alerts = alerts;
        this.clock = clock;
    }

    public BankPlan plan(BankProblem problem, Optional<BankPlan> last) {
        String bank = problem.bank().value();
        String failure;
        try {
            Optional<BankPlan> solved = solver.apply(problem);
            if (solved.isPresent()) {
                alerts.resolve(AlertKind.OPTIMIZER_FALLBACK, bank, clock.instant());
                return solved.get();
            }
            failure = "the solver found no plan within its time limit";
        } catch (RuntimeException e) {
            failure = "the solver failed: " + e.getMessage();
            log.error("solving bank {} failed", bank, e);
        }
        Optional<BankPlan> reused = last.flatMap(plan -> plan.reusedFor(problem.slots()));
        BankPlan fallback = reused.orElseGet(() -> baseline.plan(problem));
        String message = "bank %s, slots %s..%s: %s; published %s instead. Check the optimizer log; a plan keeps being published"
                .formatted(bank, problem.slots().get(0), problem.slots().get(problem.slots().size() - 1), failure,
                        reused.isPresent() ? "the last plan" : "the rule-based baseline (self-consumption)");
        log.warn(message);
        alerts.raise(new Alert(AlertKind.OPTIMIZER_FALLBACK, Severity.WARNING, bank, message, clock.instant()));
        return fallback;
    }
}
