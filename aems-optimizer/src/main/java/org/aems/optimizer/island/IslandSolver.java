package org.aems.optimizer.island;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.aems.core.time.Slot;
import org.aems.core.unit.Energy;
import org.aems.core.unit.Power;
import org.aems.optimizer.model.StorageSchedule;
import org.aems.optimizer.model.StorageUnit;

/**
 * Runs an islanded feeder as long as it can (issue #5 "Islanded mode"): an LP (GLOP) in kWh per slot that
 * serves the critical load first and for as long as possible, the other load only with what the critical load
 * will never need, holds PV to what is used (no export), and keeps the grid-forming battery's headroom. Each
 * slot's critical energy weighs 1,000 × (slots left), the other load 1 × (slots left): serving critical load
 * later always beats serving anything else now, and earlier slots beat later ones, so the critical load is
 * served from now on without gaps until the energy runs out.
 */
public final class IslandSolver {

    private static final double H = Slot.DURATION.toMinutes() / 60.0;
    private static final double CRITICAL = 1_000;
    private static final double CYCLING = 1e-3;
    /** A slot counts as served when at most this much (kWh) of its critical load is missing: solver tolerance. */
    private static final double TOLERANCE = 1e-4;

    static {
        Loader.loadNativeLibraries();
    }

    public Optional<IslandPlan> solve(IslandProblem p) {
        int n = p.slots().size();
        MPSolver solver = MPSolver.createSolver("GLOP");
        try {
            MPObjective objective = solver.objective();
            objective.setMaximization();
            MPVariable[] critical = new MPVariable[n];
            MPVariable[] other = new MPVariable[n];
            MPVariable[] pvUsed = new MPVariable[n];
            MPConstraint[] balance = new MPConstraint[n];
            for (int t = 0; t < n; t++) {
                critical[t] = solver.makeNumVar(0, kwh(p.criticalLoad().get(t)), "critical_" + t);
                other[t] = solver.makeNumVar(0, kwh(p.otherLoad().get(t)), "other_" + t);
                pvUsed[t] = solver.makeNumVar(0, Math.max(0, kwh(p.pv().get(t))), "pv_" + t);
                objective.setCoefficient(critical[t], CRITICAL * (n - t));
                objective.setCoefficient(other[t], n - t);
                // PV used + discharge - charge = load served: nothing crosses the open breaker.
                balance[t] = solver.makeConstraint(0, 0, "balance_" + t);
                balance[t].setCoefficient(pvUsed[t], 1);
                balance[t].setCoefficient(critical[t], -1);
                balance[t].setCoefficient(other[t], -1);
            }
            List<MPVariable[][]> storage = new ArrayList<>();
            for (StorageUnit s : p.storage()) {
                MPVariable[] charge = new MPVariable[n];
                MPVariable[] discharge = new MPVariable[n];
                MPVariable[] stored = new MPVariable[n];
                for (int t = 0; t < n; t++) {
                    charge[t] = solver.makeNumVar(0, kwh(s.maxCharge()), s.id() + "_ch_" + t);
                    discharge[t] = solver.makeNumVar(0, kwh(s.maxDischarge()), s.id() + "_dis_" + t);
                    stored[t] = solver.makeNumVar(0, kwh(s.capacity()), s.id() + "_soc_" + t);
                    balance[t].setCoefficient(discharge[t], 1);
                    balance[t].setCoefficient(charge[t], -1);
                    objective.setCoefficient(charge[t], -CYCLING);
                    objective.setCoefficient(discharge[t], -CYCLING);
                    // stored[t] = stored[t-1] + eta_in * charge - discharge / eta_out
                    double before = t == 0 ? kwh(s.stored()) : 0;
                    MPConstraint dynamics = solver.makeConstraint(before, before, s.id() + "_dyn_" + t);
                    dynamics.setCoefficient(stored[t], 1);
                    dynamics.setCoefficient(charge[t], -s.chargeEfficiency().fraction());
                    dynamics.setCoefficient(discharge[t], 1 / s.dischargeEfficiency().fraction());
                    if (t > 0) {
                        dynamics.setCoefficient(stored[t - 1], -1);
                    }
                    if (s.id().equals(p.gridForming())) {
                        // Headroom both ways: max discharge - discharge >= headroom x load; max charge - charge >= headroom x PV.
                        MPConstraint up = solver.makeConstraint(-MPSolver.infinity(), kwh(s.maxDischarge()), s.id() + "_up_" + t);
                        up.setCoefficient(discharge[t], 1);
                        up.setCoefficient(critical[t], p.headroom());
                        up.setCoefficient(other[t], p.headroom());
                        MPConstraint down = solver.makeConstraint(-MPSolver.infinity(), kwh(s.maxCharge()), s.id() + "_down_" + t);
                        down.setCoefficient(charge[t], 1);
                        down.setCoefficient(pvUsed[t], p.headroom());
                    }
                }
                storage.add(new MPVariable[][] {charge, discharge, stored});
            }
            MPSolver.ResultStatus status = solver.solve();
            if (status != MPSolver.ResultStatus.OPTIMAL && status != MPSolver.ResultStatus.FEASIBLE) {
                return Optional.empty();
            }
            return Optional.of(read(p, critical, other, pvUsed, storage));
        } finally {
            solver.delete();
        }
    }

    private static IslandPlan read(IslandProblem p, MPVariable[] critical, MPVariable[] other, MPVariable[] pvUsed,
                                   List<MPVariable[][]> storage) {
        int n = p.slots().size();
        List<Energy> criticalServed = new ArrayList<>();
        List<Energy> otherServed = new ArrayList<>();
        List<Energy> pv = new ArrayList<>();
        int autonomous = 0;
        boolean gap = false;
        for (int t = 0; t < n; t++) {
            criticalServed.add(wh(critical[t].solutionValue()));
            otherServed.add(wh(other[t].solutionValue()));
            pv.add(wh(pvUsed[t].solutionValue()));
            if (!gap && critical[t].solutionValue() >= kwh(p.criticalLoad().get(t)) - TOLERANCE) {
                autonomous++;
            } else {
                gap = true;
            }
        }
        List<StorageSchedule> schedules = new ArrayList<>();
        for (int s = 0; s < storage.size(); s++) {
            MPVariable[][] v = storage.get(s);
            List<Power> setpoints = new ArrayList<>();
            List<Energy> after = new ArrayList<>();
            for (int t = 0; t < n; t++) {
                setpoints.add(Power.ofWatts(Math.round((v[0][t].solutionValue() - v[1][t].solutionValue()) * 1000 / H)));
                after.add(wh(v[2][t].solutionValue()));
            }
            schedules.add(new StorageSchedule(p.storage().get(s).id(), setpoints, after));
        }
        return new IslandPlan(p.feeder(), p.slots(), criticalServed, otherServed, pv, schedules,
                Slot.DURATION.multipliedBy(autonomous), autonomous == n);
    }

    private static double kwh(Energy e) {
        return e.wattHours() / 1000.0;
    }

    private static double kwh(Power p) {
        return p.watts() / 1000.0 * H;
    }

    private static Energy wh(double kwh) {
        return Energy.ofWattHours(Math.round(kwh * 1000));
    }
}
