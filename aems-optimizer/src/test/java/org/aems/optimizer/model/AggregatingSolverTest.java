package org.aems.optimizer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Merged batteries solve the same bank almost as well, and the split never asks a battery for the impossible. */
class AggregatingSolverTest {

    @Test
    void theAggregatedPlanIsWithinOnePercentAndEverySetpointRespectsItsBattery() {
        BankProblem problem = SunnyBanks.of(3, 12, 3, 5);

        BankPlan exact = new BankSolver().solve(problem).orElseThrow();
        AggregatingSolver.Result merged = new AggregatingSolver(new BankSolver()).solve(problem).orElseThrow();

        double exactYen = exact.objective().amount().doubleValue();
        assertThat(merged.plan().objective().amount().doubleValue()).isCloseTo(exactYen, within(Math.abs(exactYen) * 0.01));
        Map<String, StorageUnit> units = new HashMap<>();
        problem.feeders().forEach(f -> f.storage().forEach(s -> units.put(s.id(), s)));
        long batteries = merged.plan().feeders().stream().mapToLong(f -> f.storage().size()).sum();
        assertThat(batteries).isEqualTo(units.size());
        merged.plan().feeders().forEach(f -> f.storage().forEach(schedule -> {
            StorageUnit unit = units.get(schedule.id());
            assertThat(schedule.setpoints()).allSatisfy(p -> assertThat(p.watts())
                    .isBetween(-unit.maxDischarge().watts() - 1, unit.maxCharge().watts() + 1));
            assertThat(schedule.storedAfter()).allSatisfy(e -> assertThat(e.wattHours()).isBetween(0L, unit.capacity().wattHours()));
        }));
        // What the split could not place, against the energy the batteries move in the day: 1.02 % on this instance
        // since its EVs have a battery to fill (room 32 kWh; below 1 % when they could absorb without end). The next
        // round re-plans from the measured states, so a residual of this size is drift, not a broken plan.
        double moved = merged.plan().feeders().stream().flatMap(f -> f.storage().stream()).flatMap(s -> s.setpoints().stream())
                .mapToDouble(p -> Math.abs(p.watts()) / 2000.0).sum();
        assertThat(merged.unplacedKwh()).isLessThan(moved * 0.02);
    }
}
