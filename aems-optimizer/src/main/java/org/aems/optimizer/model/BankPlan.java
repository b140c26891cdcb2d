package org.aems.optimizer.model;

import java.time.Duration;
import java.util.List;
import org.aems.core.grid.BankId;
import org.aems.core.time.Slot;
import org.aems.core.unit.Energy;
import org.aems.core.unit.Yen;

/**
 * A solved plan for one bank: the bank's net energy per slot (+ import), each feeder's schedule, the
 * limits that bound or were breached, the objective (money plus penalties) and how it was found.
 */
public record BankPlan(BankId bank, List<Slot> slots, PlanSource source, Yen objective, Duration solveTime,
                       List<Energy> bankNet, List<FeederSchedule> feeders, List<LimitEvent> limits) {

    public BankPlan {
        slots = List.copyOf(slots);
        bankNet = List.copyOf(bankNet);
        feeders = List.copyOf(feeders);
        limits = List.copyOf(limits);
    }

    /** Limits that could not be held, with where, when, how much and why. */
    public List<LimitEvent> breaches() {
        return limits.stream().filter(l -> l.outcome() == LimitEvent.Outcome.BREACHED).toList();
    }
}
