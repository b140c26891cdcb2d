package org.aems.optimizer.model;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.aems.core.time.Slot;
import org.aems.core.unit.Energy;
import org.aems.core.unit.Power;
import org.aems.core.unit.Yen;

/**
 * The rule-based controller home EMSs use, and the last fallback of the planner: batteries charge from
 * surplus and discharge for deficit (self-consumption; a feeder's surplus or deficit is shared among its
 * batteries by power rating), EVs charge at full power from plug-in until they have what they need,
 * nothing is curtailed. Its flows are checked against the same limits, so a baseline plan names its
 * breaches too. Costed with the same prices and penalties as the LP.
 */
public final class BaselinePlanner {

    public BankPlan plan(BankProblem problem) {
        long start = System.nanoTime();
        int n = problem.slots().size();
        List<FeederSchedule> feeders = new ArrayList<>();
        List<LimitEvent> events = new ArrayList<>();
        double[] bankNet = new double[n];
        double cost = 0;
        Penalties p = problem.penalties();
        for (FeederProblem feeder : problem.feeders()) {
            FeederRun run = new FeederRun(feeder);
            for (int t = 0; t < n; t++) {
                double net = run.step(t);
                bankNet[t] += net;
                double limitOut = BankModel.kwhPerSlot(feeder.limits().get(t).reverseFlowLimit());
                double limitIn = BankModel.kwhPerSlot(feeder.limits().get(t).importLimit());
                cost += breach(events, feeder.id().value(), problem.slots().get(t), -net, limitOut, LimitKind.REVERSE_FLOW, p)
                        + breach(events, feeder.id().value(), problem.slots().get(t), net, limitIn, LimitKind.IMPORT, p);
            }
            cost += run.wearAndShortfall(p);
            feeders.add(run.schedule());
        }
        List<Energy> bankEnergy = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            double net = bankNet[t];
            bankEnergy.add(BankSolver.energy(net));
            cost += net > 0 ? net * BankModel.yen(problem.purchase().get(t)) : net * BankModel.yen(problem.sale().get(t));
            double limitOut = BankModel.kwhPerSlot(problem.limits().get(t).reverseFlowLimit());
            double limitIn = BankModel.kwhPerSlot(problem.limits().get(t).importLimit());
            Slot slot = problem.slots().get(t);
            cost += breach(events, problem.bank().value(), slot, -net, limitOut, LimitKind.REVERSE_FLOW, p)
                    + breach(events, problem.bank().value(), slot, net, limitIn, LimitKind.IMPORT, p);
            if (problem.plan().isPresent() && t < problem.plan().get().size()) {
                cost += Math.abs(net - BankModel.kwh(problem.plan().get().get(t))) * BankModel.yen(p.planDeviation());
            }
        }
        return new BankPlan(problem.bank(), problem.slots(), PlanSource.BASELINE, Yen.of(BigDecimal.valueOf(cost)),
                Duration.ofNanos(System.nanoTime() - start), bankEnergy, feeders, events);
    }

    private static double breach(List<LimitEvent> events, String where, Slot slot, double flow, double limit, LimitKind kind,
                                 Penalties p) {
        if (flow <= limit + BankSolver.EPS) {
            return 0;
        }
        events.add(new LimitEvent(where, slot, kind, LimitEvent.Outcome.BREACHED, BankSolver.energy(limit), BankSolver.energy(flow),
                BankSolver.energy(flow - limit), "rule-based control (self-consumption, EVs charge on plug-in) does not look at limits"));
        return (flow - limit) * BankModel.yen(p.limitBreach());
    }

    /** One feeder under self-consumption, slot by slot. */
    private static final class FeederRun {
        private final FeederProblem feeder;
        private final double[] stored;
        private final double[] evGained;
        private final List<List<Power>> storagePower = new ArrayList<>();
        private final List<List<Energy>> storedAfter = new ArrayList<>();
        private final List<List<Power>> evPower = new ArrayList<>();
        private final List<Energy> net = new ArrayList<>();
        private double throughput;

        FeederRun(FeederProblem feeder) {
            this.feeder = feeder;
            stored = feeder.storage().stream().mapToDouble(s -> BankModel.kwh(s.stored())).toArray();
            evGained = new double[feeder.evs().size()];
            feeder.storage().forEach(s -> {
                storagePower.add(new ArrayList<>());
                storedAfter.add(new ArrayList<>());
            });
            feeder.evs().forEach(e -> evPower.add(new ArrayList<>()));
        }

        /** Returns the feeder's net energy in slot {@code t} (+ import). */
        double step(int t) {
            double base = BankModel.kwh(feeder.baseNet().get(t)) - BankModel.kwh(feeder.curtailablePv().get(t));
            double evDraw = 0;
            for (int i = 0; i < feeder.evs().size(); i++) {
                EvBooking e = feeder.evs().get(i);
                double charge = 0;
                if (e.pluggedAt(t)) {
                    double missing = BankModel.kwh(e.needed()) - evGained[i];
                    charge = Math.max(0, Math.min(BankModel.kwhPerSlot(e.maxCharge()), missing / e.efficiency().fraction()));
                    evGained[i] += charge * e.efficiency().fraction();
                }
                evDraw += charge;
                evPower.get(i).add(BankSolver.power(charge));
            }
            double beforeStorage = base + evDraw;
            double rating = 0;
            for (StorageUnit s : feeder.storage()) {
                rating += BankModel.kw(beforeStorage < 0 ? s.maxCharge() : s.maxDischarge());
            }
            double storageNet = 0;
            for (int i = 0; i < feeder.storage().size(); i++) {
                StorageUnit s = feeder.storage().get(i);
                double share = rating == 0 ? 0 : BankModel.kw(beforeStorage < 0 ? s.maxCharge() : s.maxDischarge()) / rating;
                double energy;
                if (beforeStorage < 0) {
                    double room = (BankModel.kwh(s.capacity()) - stored[i]) / s.chargeEfficiency().fraction();
                    energy = Math.min(Math.min(-beforeStorage * share, BankModel.kwhPerSlot(s.maxCharge())), room);
                    stored[i] += energy * s.chargeEfficiency().fraction();
                } else {
                    double available = stored[i] * s.dischargeEfficiency().fraction();
                    energy = -Math.min(Math.min(beforeStorage * share, BankModel.kwhPerSlot(s.maxDischarge())), available);
                    stored[i] += energy / s.dischargeEfficiency().fraction();
                }
                throughput += Math.abs(energy);
                storageNet += energy;
                storagePower.get(i).add(BankSolver.power(energy));
                storedAfter.get(i).add(BankSolver.energy(stored[i]));
            }
            double result = beforeStorage + storageNet;
            net.add(BankSolver.energy(result));
            return result;
        }

        double wearAndShortfall(Penalties p) {
            double shortfall = 0;
            for (int i = 0; i < evGained.length; i++) {
                shortfall += Math.max(0, BankModel.kwh(feeder.evs().get(i).needed()) - evGained[i]);
            }
            double endShort = 0;
            for (int i = 0; i < stored.length; i++) {
                endShort += Math.max(0, BankModel.kwh(feeder.storage().get(i).endAtLeast()) - stored[i]);
            }
            return throughput * BankModel.yen(p.cycling()) / 2 + (shortfall + endShort) * BankModel.yen(p.evShortfall());
        }

        FeederSchedule schedule() {
            List<StorageSchedule> storage = new ArrayList<>();
            for (int i = 0; i < feeder.storage().size(); i++) {
                storage.add(new StorageSchedule(feeder.storage().get(i).id(), storagePower.get(i), storedAfter.get(i)));
            }
            List<EvSchedule> evs = new ArrayList<>();
            for (int i = 0; i < feeder.evs().size(); i++) {
                double gained = evGained[i];
                evs.add(new EvSchedule(feeder.evs().get(i).id(), evPower.get(i), BankSolver.energy(gained),
                        BankSolver.energy(Math.max(0, BankModel.kwh(feeder.evs().get(i).needed()) - gained))));
            }
            return new FeederSchedule(feeder.id(), net, java.util.Collections.nCopies(net.size(), Energy.ZERO), storage, evs);
        }
    }
}
