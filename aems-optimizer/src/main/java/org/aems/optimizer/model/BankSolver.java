package org.aems.optimizer.model;

import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.aems.core.time.Slot;
import org.aems.core.unit.Energy;
import org.aems.core.unit.Power;
import org.aems.core.unit.Yen;
import org.aems.optimizer.model.BankModel.EvVars;
import org.aems.optimizer.model.BankModel.FeederVars;
import org.aems.optimizer.model.BankModel.StorageVars;

/**
 * Solves a bank's LP within a time limit and reads the plan out of it, naming every limit that bound or
 * was breached. Returns empty when the solver found no plan in time; the caller falls back (ADR 0010).
 */
public final class BankSolver {

    /** Below this (kWh per slot) a flow counts as zero and a limit as not breached: solver tolerance. */
    static final double EPS = 1e-4;
    private static final int MAX_PASSES = 5;

    private final String solverId;
    private final Duration timeLimit;

    public BankSolver(String solverId, Duration timeLimit) {
        this.solverId = solverId;
        this.timeLimit = timeLimit;
    }

    public BankSolver() {
        this("GLOP", Duration.ofSeconds(10));
    }

    public Optional<BankPlan> solve(BankProblem problem) {
        long start = System.nanoTime();
        try (BankModel model = BankModel.build(problem, solverId)) {
            model.solver.setTimeLimit(timeLimit.toMillis());
            MPSolver.ResultStatus status = model.solver.solve();
            // Where the LP charged and discharged one device in the same slot (it does when wasting energy
            // avoids a breach), every device's direction is fixed where it was active (the larger flow wins)
            // and the LP solved again: a converter does one or the other. Fixing only the offending pairs moves
            // the waste to other devices pass after pass (measured: 5 passes, 4x the first solve's time).
            for (int pass = 0; pass < MAX_PASSES && status == MPSolver.ResultStatus.OPTIMAL && forbidBothWays(model) > 0; pass++) {
                status = model.solver.solve();
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            PlanSource source = switch (status) {
                case OPTIMAL -> PlanSource.OPTIMAL;
                case FEASIBLE -> PlanSource.FEASIBLE;
                default -> null;
            };
            if (source == null) {
                return Optional.empty();
            }
            return Optional.of(read(model, source, took));
        }
    }

    /**
     * If any device charges and discharges in one slot, fixes every active device-slot to its larger
     * direction (the other bound set to zero); returns how many device-slots did both.
     */
    private static int forbidBothWays(BankModel model) {
        // Read every value first: changing a bound invalidates the solution OR-Tools holds.
        List<MPVariable> toFix = new ArrayList<>();
        int both = 0;
        for (FeederVars f : model.feeders) {
            for (StorageVars s : f.storage) {
                for (int t = 0; t < s.charge.length; t++) {
                    both += smallerOfBoth(s.charge[t], s.discharge[t], toFix);
                }
            }
            for (EvVars e : f.evs) {
                for (int t = 0; t < e.charge.length; t++) {
                    both += smallerOfBoth(e.charge[t], e.discharge[t], toFix);
                }
            }
        }
        if (both > 0) {
            toFix.forEach(v -> v.setUb(0));
        }
        return both;
    }

    /** Adds the unused or smaller direction of an active device-slot to {@code toFix}; 1 if both were used. */
    private static int smallerOfBoth(MPVariable charge, MPVariable discharge, List<MPVariable> toFix) {
        if (charge == null || discharge == null) {
            return 0;
        }
        double in = charge.solutionValue();
        double out = discharge.solutionValue();
        if (in > EPS || out > EPS) {
            toFix.add(in >= out ? discharge : charge);
        }
        return in > EPS && out > EPS ? 1 : 0;
    }

    private static BankPlan read(BankModel model, PlanSource source, Duration took) {
        BankProblem problem = model.problem;
        List<Slot> slots = problem.slots();
        List<LimitEvent> events = new ArrayList<>();
        List<FeederSchedule> feeders = new ArrayList<>();
        for (FeederVars f : model.feeders) {
            feeders.add(readFeeder(f, slots, events));
        }
        List<Energy> bankNet = new ArrayList<>();
        for (int t = 0; t < slots.size(); t++) {
            double net = model.bankImport[t].solutionValue() - model.bankExport[t].solutionValue();
            bankNet.add(energy(net));
            String bank = problem.bank().value();
            check(events, bank, slots.get(t), LimitKind.REVERSE_FLOW, model.bankExport[t].solutionValue(),
                    BankModel.kwhPerSlot(problem.limits().get(t).reverseFlowLimit()), model.bankReverseBreach[t].solutionValue(),
                    "the feeders of this bank together send back more than the bank may take, after their own batteries, "
                            + "EVs and curtailable PV");
            check(events, bank, slots.get(t), LimitKind.IMPORT, model.bankImport[t].solutionValue(),
                    BankModel.kwhPerSlot(problem.limits().get(t).importLimit()), model.bankImportBreach[t].solutionValue(),
                    "the feeders of this bank together draw more than the bank may supply, after discharging every battery");
        }
        Yen objective = Yen.of(BigDecimal.valueOf(model.solver.objective().value()));
        return new BankPlan(problem.bank(), slots, source, objective, took, bankNet, feeders, events);
    }

    private static FeederSchedule readFeeder(FeederVars f, List<Slot> slots, List<LimitEvent> events) {
        int n = slots.size();
        List<Energy> net = new ArrayList<>(n);
        List<Energy> curtailed = new ArrayList<>(n);
        for (int t = 0; t < n; t++) {
            double exp = f.exports[t].solutionValue();
            double imp = f.imports[t].solutionValue();
            net.add(energy(imp - exp));
            curtailed.add(energy(f.curtailed[t].solutionValue()));
            double absorbed = 0;
            double given = 0;
            for (StorageVars s : f.storage) {
                absorbed += s.charge[t].solutionValue();
                given += s.discharge[t].solutionValue();
            }
            for (EvVars e : f.evs) {
                absorbed += value(e.charge[t]);
                given += value(e.discharge[t]);
            }
            String id = f.feeder.id().value();
            double curtail = f.curtailed[t].solutionValue();
            check(events, id, slots.get(t), LimitKind.REVERSE_FLOW, exp,
                    BankModel.kwhPerSlot(f.feeder.limits().get(t).reverseFlowLimit()), f.reverseBreach[t].solutionValue(),
                    "PV surplus beyond what batteries and EVs absorbed (%.1f kWh) and curtailable PV held back (%.1f kWh)"
                            .formatted(absorbed, curtail));
            check(events, id, slots.get(t), LimitKind.IMPORT, imp,
                    BankModel.kwhPerSlot(f.feeder.limits().get(t).importLimit()), f.importBreach[t].solutionValue(),
                    "demand beyond what batteries and V2X gave (%.1f kWh)".formatted(given));
        }
        List<StorageSchedule> storage = f.storage.stream().map(s -> readStorage(s, n)).toList();
        List<EvSchedule> evs = f.evs.stream().map(e -> readEv(e, n)).toList();
        return new FeederSchedule(f.feeder.id(), net, curtailed, storage, evs);
    }

    private static void check(List<LimitEvent> events, String where, Slot slot, LimitKind kind, double flow, double limit,
                              double breach, String cause) {
        if (breach > EPS) {
            events.add(new LimitEvent(where, slot, kind, LimitEvent.Outcome.BREACHED, energy(limit), energy(flow), energy(breach),
                    cause + "; no feasible plan holds this limit"));
        } else if (limit > 0 && flow >= limit - EPS) {
            events.add(new LimitEvent(where, slot, kind, LimitEvent.Outcome.BINDING, energy(limit), energy(flow), Energy.ZERO,
                    "held exactly at the limit: " + cause));
        }
    }

    private static StorageSchedule readStorage(StorageVars s, int n) {
        List<Power> setpoints = new ArrayList<>(n);
        List<Energy> stored = new ArrayList<>(n);
        for (int t = 0; t < n; t++) {
            setpoints.add(power(s.charge[t].solutionValue() - s.discharge[t].solutionValue()));
            stored.add(energy(s.stored[t].solutionValue()));
        }
        return new StorageSchedule(s.unit.id(), setpoints, stored);
    }

    private static EvSchedule readEv(EvVars e, int n) {
        List<Power> setpoints = new ArrayList<>(n);
        double eta = e.booking.efficiency().fraction();
        double delivered = 0;
        for (int t = 0; t < n; t++) {
            double ch = value(e.charge[t]);
            double dis = value(e.discharge[t]);
            setpoints.add(power(ch - dis));
            delivered += ch * eta - dis / eta;
        }
        return new EvSchedule(e.booking.id(), setpoints, energy(delivered), energy(e.shortfall.solutionValue()));
    }

    private static double value(MPVariable v) {
        return v == null ? 0 : v.solutionValue();
    }

    static Energy energy(double kwh) {
        return Energy.ofWattHours(Math.round(kwh * 1000));
    }

    static Power power(double kwhPerSlot) {
        return Power.ofWatts(Math.round(kwhPerSlot / BankModel.H * 1000));
    }
}
