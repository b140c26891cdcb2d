package org.aems.optimizer.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Solves a bank with each feeder's batteries merged per efficiency class, then splits the plan back per
 * battery ({@link StorageAggregation}). The LP shrinks from batteries × slots to feeders × slots, which is
 * what lets a whole region solve within a second; the price is the energy the split cannot place,
 * reported per plan, and an objective measured against the unaggregated one in docs/benchmarks.md.
 */
public final class AggregatingSolver {

    private final BankSolver solver;

    public AggregatingSolver(BankSolver solver) {
        this.solver = solver;
    }

    /** A solved plan with per-battery setpoints, and the energy the split could not place. */
    public record Result(BankPlan plan, double unplacedKwh) {
    }

    public Optional<Result> solve(BankProblem problem) {
        List<StorageAggregation.Aggregated> aggregated = problem.feeders().stream().map(StorageAggregation::aggregate).toList();
        BankProblem smaller = new BankProblem(problem.bank(), problem.slots(), problem.limits(),
                aggregated.stream().map(StorageAggregation.Aggregated::feeder).toList(), problem.purchase(), problem.sale(),
                problem.plan(), problem.penalties());
        return solver.solve(smaller).map(plan -> {
            double unplaced = 0;
            List<FeederSchedule> feeders = new ArrayList<>();
            for (int f = 0; f < plan.feeders().size(); f++) {
                FeederSchedule schedule = plan.feeders().get(f);
                List<StorageSchedule> perBattery = new ArrayList<>();
                for (StorageSchedule aggregate : schedule.storage()) {
                    StorageAggregation.Split split = StorageAggregation.split(aggregate, aggregated.get(f).members().get(aggregate.id()));
                    perBattery.addAll(split.schedules());
                    unplaced += split.unplacedKwh();
                }
                feeders.add(new FeederSchedule(schedule.id(), schedule.net(), schedule.curtailed(), perBattery, schedule.evs()));
            }
            return new Result(new BankPlan(plan.bank(), plan.slots(), plan.source(), plan.objective(), plan.solveTime(), plan.bankNet(),
                    feeders, plan.limits()), unplaced);
        });
    }
}
