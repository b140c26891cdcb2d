package org.aems.optimizer.model;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.util.ArrayList;
import java.util.List;
import org.aems.core.grid.FlowLimits;
import org.aems.core.time.Slot;
import org.aems.core.unit.Energy;
import org.aems.core.unit.Power;
import org.aems.core.unit.YenPerKwh;

/**
 * The linear program of one bank (ADR 0010), in kWh per slot. Per feeder and slot: import and export at
 * the substation, curtailment, battery charge/discharge/energy, EV charge (and V2X discharge) while
 * plugged; energy balance; reverse-flow and import limits per feeder and for the bank, each with a priced
 * breach variable so the problem is never infeasible; the plan deviation. Objective: energy bought minus
 * energy sold at the bank, plus every penalty.
 */
public final class BankModel implements AutoCloseable {

    static {
        Loader.loadNativeLibraries();
    }

    /** Hours per slot: energies per slot are power × 0.5 h. */
    static final double H = Slot.DURATION.toMinutes() / 60.0;
    private static final double INF = MPSolver.infinity();

    final BankProblem problem;
    final MPSolver solver;
    final List<FeederVars> feeders = new ArrayList<>();
    final MPVariable[] bankImport;
    final MPVariable[] bankExport;
    final MPVariable[] bankReverseBreach;
    final MPVariable[] bankImportBreach;

    private BankModel(BankProblem problem, MPSolver solver) {
        this.problem = problem;
        this.solver = solver;
        int n = problem.slots().size();
        bankImport = new MPVariable[n];
        bankExport = new MPVariable[n];
        bankReverseBreach = new MPVariable[n];
        bankImportBreach = new MPVariable[n];
    }

    /** Builds the LP for GLOP (the default; {@code solverId} names another OR-Tools backend). */
    public static BankModel build(BankProblem problem, String solverId) {
        MPSolver solver = MPSolver.createSolver(solverId);
        if (solver == null) {
            throw new IllegalStateException("OR-Tools has no solver '" + solverId + "' in this build; use GLOP, PDLP or SCIP");
        }
        BankModel model = new BankModel(problem, solver);
        model.define();
        return model;
    }

    private void define() {
        Penalties p = problem.penalties();
        MPObjective objective = solver.objective();
        objective.setMinimization();
        int n = problem.slots().size();
        for (FeederProblem feeder : problem.feeders()) {
            feeders.add(defineFeeder(feeder, objective, p));
        }
        for (int t = 0; t < n; t++) {
            bankImport[t] = solver.makeNumVar(0, INF, "bank_import_" + t);
            bankExport[t] = solver.makeNumVar(0, INF, "bank_export_" + t);
            bankReverseBreach[t] = solver.makeNumVar(0, INF, "bank_rf_breach_" + t);
            bankImportBreach[t] = solver.makeNumVar(0, INF, "bank_import_breach_" + t);
            // The bank carries the sum of its feeders.
            MPConstraint sum = solver.makeConstraint(0, 0, "bank_sum_" + t);
            sum.setCoefficient(bankImport[t], 1);
            sum.setCoefficient(bankExport[t], -1);
            for (FeederVars f : feeders) {
                sum.setCoefficient(f.imports[t], -1);
                sum.setCoefficient(f.exports[t], 1);
            }
            FlowLimits limits = problem.limits().get(t);
            limit(bankExport[t], bankReverseBreach[t], limits.reverseFlowLimit(), "bank_rf_" + t);
            limit(bankImport[t], bankImportBreach[t], limits.importLimit(), "bank_import_limit_" + t);
            objective.setCoefficient(bankImport[t], yen(problem.purchase().get(t)));
            objective.setCoefficient(bankExport[t], -yen(problem.sale().get(t)));
            objective.setCoefficient(bankReverseBreach[t], yen(p.limitBreach()));
            objective.setCoefficient(bankImportBreach[t], yen(p.limitBreach()));
            if (problem.plan().isPresent() && t < problem.plan().get().size()) {
                MPVariable over = solver.makeNumVar(0, INF, "plan_over_" + t);
                MPVariable under = solver.makeNumVar(0, INF, "plan_under_" + t);
                double planned = kwh(problem.plan().get().get(t));
                MPConstraint deviation = solver.makeConstraint(planned, planned, "plan_" + t);
                deviation.setCoefficient(bankImport[t], 1);
                deviation.setCoefficient(bankExport[t], -1);
                deviation.setCoefficient(over, -1);
                deviation.setCoefficient(under, 1);
                objective.setCoefficient(over, yen(p.planDeviation()));
                objective.setCoefficient(under, yen(p.planDeviation()));
            }
        }
    }

    private FeederVars defineFeeder(FeederProblem feeder, MPObjective objective, Penalties p) {
        int n = feeder.slots();
        String f = feeder.id().value();
        FeederVars v = new FeederVars(feeder, n);
        double cycling = yen(p.cycling());
        for (StorageUnit s : feeder.storage()) {
            v.storage.add(defineStorage(f, s, n, objective, cycling, yen(p.evShortfall())));
        }
        for (EvBooking e : feeder.evs()) {
            v.evs.add(defineEv(f, e, n, objective, cycling, yen(p.evShortfall())));
        }
        for (int t = 0; t < n; t++) {
            v.imports[t] = solver.makeNumVar(0, INF, f + "_import_" + t);
            v.exports[t] = solver.makeNumVar(0, INF, f + "_export_" + t);
            v.curtailed[t] = solver.makeNumVar(0, kwh(feeder.curtailablePv().get(t)), f + "_curtail_" + t);
            v.reverseBreach[t] = solver.makeNumVar(0, INF, f + "_rf_breach_" + t);
            v.importBreach[t] = solver.makeNumVar(0, INF, f + "_import_breach_" + t);
            // import − export = base net − curtailable PV + curtailed + Σ charge − Σ discharge
            double fixed = kwh(feeder.baseNet().get(t)) - kwh(feeder.curtailablePv().get(t));
            MPConstraint balance = solver.makeConstraint(fixed, fixed, f + "_balance_" + t);
            balance.setCoefficient(v.imports[t], 1);
            balance.setCoefficient(v.exports[t], -1);
            balance.setCoefficient(v.curtailed[t], -1);
            for (StorageVars s : v.storage) {
                balance.setCoefficient(s.charge[t], -1);
                balance.setCoefficient(s.discharge[t], 1);
            }
            for (EvVars e : v.evs) {
                if (e.charge[t] != null) {
                    balance.setCoefficient(e.charge[t], -1);
                    if (e.discharge[t] != null) {
                        balance.setCoefficient(e.discharge[t], 1);
                    }
                }
            }
            FlowLimits limits = feeder.limits().get(t);
            limit(v.exports[t], v.reverseBreach[t], limits.reverseFlowLimit(), f + "_rf_" + t);
            limit(v.imports[t], v.importBreach[t], limits.importLimit(), f + "_import_limit_" + t);
            objective.setCoefficient(v.curtailed[t], yen(p.curtailment()));
            objective.setCoefficient(v.reverseBreach[t], yen(p.limitBreach()));
            objective.setCoefficient(v.importBreach[t], yen(p.limitBreach()));
        }
        return v;
    }

    private StorageVars defineStorage(String f, StorageUnit s, int n, MPObjective objective, double cycling, double shortfallPrice) {
        StorageVars v = new StorageVars(s, n);
        double maxIn = kwhPerSlot(s.maxCharge());
        double maxOut = kwhPerSlot(s.maxDischarge());
        double etaIn = s.chargeEfficiency().fraction();
        double etaOut = s.dischargeEfficiency().fraction();
        String id = f + "_" + s.id();
        for (int t = 0; t < n; t++) {
            v.charge[t] = solver.makeNumVar(0, maxIn, id + "_ch_" + t);
            v.discharge[t] = solver.makeNumVar(0, maxOut, id + "_dis_" + t);
            v.stored[t] = solver.makeNumVar(0, kwh(s.capacity()), id + "_e_" + t);
            // stored[t] = stored[t-1] + η_in·charge − discharge/η_out
            double before = t == 0 ? kwh(s.stored()) : 0;
            MPConstraint dynamics = solver.makeConstraint(before, before, id + "_soc_" + t);
            dynamics.setCoefficient(v.stored[t], 1);
            if (t > 0) {
                dynamics.setCoefficient(v.stored[t - 1], -1);
            }
            dynamics.setCoefficient(v.charge[t], -etaIn);
            dynamics.setCoefficient(v.discharge[t], 1 / etaOut);
            // One converter: full charge and full discharge cannot share a slot.
            if (maxIn > 0 && maxOut > 0) {
                MPConstraint converter = solver.makeConstraint(-INF, 1, id + "_converter_" + t);
                converter.setCoefficient(v.charge[t], 1 / maxIn);
                converter.setCoefficient(v.discharge[t], 1 / maxOut);
            }
            objective.setCoefficient(v.charge[t], cycling / 2);
            objective.setCoefficient(v.discharge[t], cycling / 2);
        }
        // Hold at least the end target, or pay for what is missing like an EV shortfall.
        MPVariable endShortfall = solver.makeNumVar(0, INF, id + "_end_short");
        MPConstraint end = solver.makeConstraint(kwh(s.endAtLeast()), INF, id + "_end");
        end.setCoefficient(v.stored[n - 1], 1);
        end.setCoefficient(endShortfall, 1);
        objective.setCoefficient(endShortfall, shortfallPrice);
        return v;
    }

    private EvVars defineEv(String f, EvBooking e, int n, MPObjective objective, double cycling, double shortfallPrice) {
        EvVars v = new EvVars(e, n);
        double eta = e.efficiency().fraction();
        String id = f + "_" + e.id();
        int end = Math.min(e.departure(), n);
        for (int t = e.pluggedFrom(); t < end; t++) {
            v.charge[t] = solver.makeNumVar(0, kwhPerSlot(e.maxCharge()), id + "_ch_" + t);
            if (e.maxDischarge().isPositive()) {
                v.discharge[t] = solver.makeNumVar(0, kwhPerSlot(e.maxDischarge()), id + "_dis_" + t);
                objective.setCoefficient(v.discharge[t], cycling);
            }
        }
        if (e.maxDischarge().isPositive()) {
            // V2X gives back only what was charged in this window, and the battery takes no more than its room: the
            // energy gained stays within 0..room after every slot. One state variable a slot (gained_t = gained_t-1 +
            // charged - discharged) keeps the model's size linear in the window's length (running sums grow with its
            // square; same optimum, and GLOP's presolve made them about as fast on the 2030 build-out).
            MPVariable before = null;
            for (int t = e.pluggedFrom(); t < end; t++) {
                MPVariable gained = solver.makeNumVar(0, kwh(e.room()), id + "_gained_" + t);
                MPConstraint step = solver.makeConstraint(0, 0, id + "_step_" + t);
                step.setCoefficient(gained, 1);
                if (before != null) {
                    step.setCoefficient(before, -1);
                }
                step.setCoefficient(v.charge[t], -eta);
                step.setCoefficient(v.discharge[t], 1 / eta);
                before = gained;
            }
        } else if (end > e.pluggedFrom()) {
            // Charging only: the energy gained only grows, so its total within the room is enough.
            MPConstraint room = solver.makeConstraint(-INF, kwh(e.room()), id + "_room");
            for (int t = e.pluggedFrom(); t < end; t++) {
                room.setCoefficient(v.charge[t], eta);
            }
        }
        v.shortfall = solver.makeNumVar(0, kwh(e.needed()), id + "_short");
        MPConstraint need = solver.makeConstraint(kwh(e.needed()), INF, id + "_need");
        need.setCoefficient(v.shortfall, 1);
        for (int t = e.pluggedFrom(); t < end; t++) {
            need.setCoefficient(v.charge[t], eta);
            if (v.discharge[t] != null) {
                need.setCoefficient(v.discharge[t], -1 / eta);
            }
        }
        objective.setCoefficient(v.shortfall, shortfallPrice);
        return v;
    }

    private void limit(MPVariable flow, MPVariable breach, Power limit, String name) {
        MPConstraint c = solver.makeConstraint(-INF, kwhPerSlot(limit), name);
        c.setCoefficient(flow, 1);
        c.setCoefficient(breach, -1);
    }

    /** The model in MPS format, for another solver or for a bug report. */
    public String toMps() {
        return solver.exportModelAsMpsFormat(false, false);
    }

    public int variables() {
        return solver.numVariables();
    }

    public int constraints() {
        return solver.numConstraints();
    }

    static double kwh(Energy e) {
        return e.wattHours() / 1000.0;
    }

    static double kw(Power p) {
        return p.watts() / 1000.0;
    }

    /** The energy a power moves in one slot, kWh. */
    static double kwhPerSlot(Power p) {
        return kw(p) * H;
    }

    static double yen(YenPerKwh price) {
        return price.value().doubleValue();
    }

    @Override
    public void close() {
        solver.delete();
    }

    static final class FeederVars {
        final FeederProblem feeder;
        final MPVariable[] imports;
        final MPVariable[] exports;
        final MPVariable[] curtailed;
        final MPVariable[] reverseBreach;
        final MPVariable[] importBreach;
        final List<StorageVars> storage = new ArrayList<>();
        final List<EvVars> evs = new ArrayList<>();

        FeederVars(FeederProblem feeder, int n) {
            this.feeder = feeder;
            imports = new MPVariable[n];
            exports = new MPVariable[n];
            curtailed = new MPVariable[n];
            reverseBreach = new MPVariable[n];
            importBreach = new MPVariable[n];
        }
    }

    static final class StorageVars {
        final StorageUnit unit;
        final MPVariable[] charge;
        final MPVariable[] discharge;
        final MPVariable[] stored;

        StorageVars(StorageUnit unit, int n) {
            this.unit = unit;
            charge = new MPVariable[n];
            discharge = new MPVariable[n];
            stored = new MPVariable[n];
        }
    }

    static final class EvVars {
        final EvBooking booking;
        final MPVariable[] charge;
        final MPVariable[] discharge;
        MPVariable shortfall;

        EvVars(EvBooking booking, int n) {
            this.booking = booking;
            charge = new MPVariable[n];
            discharge = new MPVariable[n];
        }
    }
}
