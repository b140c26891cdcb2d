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

    /**
     * This plan cut to {@code wanted} slots and marked as coming from an earlier solve, if it covers all of
     * them (a plan made one slot ago covers all but the newest slot of a rolling horizon, so usually not).
     */
    public java.util.Optional<BankPlan> reusedFor(List<Slot> wanted) {
        int from = slots.indexOf(wanted.get(0));
        if (from < 0 || from + wanted.size() > slots.size() || !slots.subList(from, from + wanted.size()).equals(wanted)) {
            return java.util.Optional.empty();
        }
        int to = from + wanted.size();
        List<FeederSchedule> cut = feeders.stream().map(f -> new FeederSchedule(f.id(), f.net().subList(from, to),
                f.curtailed().subList(from, to),
                f.storage().stream().map(s -> new StorageSchedule(s.id(), s.setpoints().subList(from, to), s.storedAfter().subList(from, to))).toList(),
                f.evs().stream().map(e -> new EvSchedule(e.id(), e.setpoints().subList(from, to), e.delivered(), e.shortfall())).toList()))
                .toList();
        List<LimitEvent> kept = limits.stream().filter(l -> wanted.contains(l.slot())).toList();
        return java.util.Optional.of(new BankPlan(bank, wanted, PlanSource.LAST_PLAN, objective, Duration.ZERO,
                bankNet.subList(from, to), cut, kept));
    }

    /** Limits that could not be held, with where, when, how much and why. */
    public List<LimitEvent> breaches() {
        return limits.stream().filter(l -> l.outcome() == LimitEvent.Outcome.BREACHED).toList();
    }
}
