package org.aems.optimizer.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aems.core.unit.Energy;
import org.aems.core.unit.Power;

/**
 * Makes a city-sized bank solvable within a second (ADR 0010): the batteries of a feeder with the same
 * efficiencies and about the same hours to fill and to empty act as one (capacities, ratings, stored energy and end targets summed), and the solved
 * aggregate schedule is split back per battery, slot by slot, never beyond a battery's rating, its room or
 * what it holds. What a split cannot place (the aggregate assumed energy could move freely between its
 * members) is reported as {@link Split#unplacedKwh()}.
 */
public final class StorageAggregation {

    private StorageAggregation() {
    }

    /** The feeder with its batteries merged per efficiency class; members keyed by aggregate id. */
    public record Aggregated(FeederProblem feeder, Map<String, List<StorageUnit>> members) {
    }

    /** Per-battery schedules and the energy per slot the aggregate planned but the split could not place. */
    public record Split(List<StorageSchedule> schedules, double unplacedKwh) {
    }

    public static Aggregated aggregate(FeederProblem feeder) {
        Map<String, List<StorageUnit>> groups = new LinkedHashMap<>();
        for (StorageUnit s : feeder.storage()) {
            // Same efficiencies and about the same hours to fill and to empty: such batteries move together,
            // so splitting their aggregate back loses little (mixing a 1-hour and a 4-hour battery would not).
            String key = "%s/batteries@%s/%s/%dhh/%dhh".formatted(feeder.id().value(), s.chargeEfficiency().fraction(),
                    s.dischargeEfficiency().fraction(), halfHours(s.capacity(), s.maxCharge()), halfHours(s.capacity(), s.maxDischarge()));
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(s);
        }
        List<StorageUnit> merged = new ArrayList<>();
        for (Map.Entry<String, List<StorageUnit>> group : groups.entrySet()) {
            List<StorageUnit> units = group.getValue();
            StorageUnit first = units.get(0);
            merged.add(new StorageUnit(group.getKey(),
                    Energy.ofWattHours(units.stream().mapToLong(u -> u.capacity().wattHours()).sum()),
                    Power.ofWatts(units.stream().mapToLong(u -> u.maxCharge().watts()).sum()),
                    Power.ofWatts(units.stream().mapToLong(u -> u.maxDischarge().watts()).sum()),
                    first.chargeEfficiency(), first.dischargeEfficiency(),
                    Energy.ofWattHours(units.stream().mapToLong(u -> u.stored().wattHours()).sum()),
                    Energy.ofWattHours(units.stream().mapToLong(u -> u.endAtLeast().wattHours()).sum())));
        }
        return new Aggregated(new FeederProblem(feeder.id(), feeder.limits(), feeder.baseNet(), feeder.curtailablePv(), merged,
                feeder.evs()), groups);
    }

    private static long halfHours(Energy capacity, Power power) {
        return power.isPositive() ? Math.round(2.0 * capacity.wattHours() / power.watts()) : -1; // half hours
    }

    /**
     * Splits an aggregate's schedule over its members: each slot's charge (or discharge) is shared in
     * proportion to what each member can still take (or give) in that slot, so members fill and empty
     * together and none exceeds its rating, capacity or stored energy.
     */
    public static Split split(StorageSchedule aggregate, List<StorageUnit> members) {
        int n = aggregate.setpoints().size();
        double[] stored = members.stream().mapToDouble(u -> BankModel.kwh(u.stored())).toArray();
        List<List<Power>> power = new ArrayList<>();
        List<List<Energy>> after = new ArrayList<>();
        members.forEach(m -> {
            power.add(new ArrayList<>(n));
            after.add(new ArrayList<>(n));
        });
        double unplaced = 0;
        for (int t = 0; t < n; t++) {
            double wanted = BankModel.kwhPerSlot(aggregate.setpoints().get(t)); // + charge, − discharge, grid side
            double[] can = new double[members.size()];
            double total = 0;
            for (int i = 0; i < members.size(); i++) {
                StorageUnit u = members.get(i);
                can[i] = wanted >= 0
                        ? Math.min(BankModel.kwhPerSlot(u.maxCharge()),
                                (BankModel.kwh(u.capacity()) - stored[i]) / u.chargeEfficiency().fraction())
                        : Math.min(BankModel.kwhPerSlot(u.maxDischarge()), stored[i] * u.dischargeEfficiency().fraction());
                can[i] = Math.max(0, can[i]);
                total += can[i];
            }
            double magnitude = Math.min(Math.abs(wanted), total);
            unplaced += Math.abs(wanted) - magnitude;
            // Weights keep the members' states of charge together (charge the emptiest, discharge the
            // fullest, by room or content), so none fills or empties long before the others.
            double[] weight = new double[members.size()];
            for (int i = 0; i < members.size(); i++) {
                weight[i] = wanted >= 0 ? BankModel.kwh(members.get(i).capacity()) - stored[i] : stored[i];
            }
            double[] share = waterFill(magnitude, can, weight);
            for (int i = 0; i < members.size(); i++) {
                StorageUnit u = members.get(i);
                double e = share[i];
                if (wanted >= 0) {
                    stored[i] += e * u.chargeEfficiency().fraction();
                    power.get(i).add(BankSolver.power(e));
                } else {
                    stored[i] -= e / u.dischargeEfficiency().fraction();
                    power.get(i).add(BankSolver.power(-e));
                }
                stored[i] = Math.max(0, Math.min(BankModel.kwh(u.capacity()), stored[i]));
                after.get(i).add(BankSolver.energy(stored[i]));
            }
        }
        List<StorageSchedule> schedules = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            schedules.add(new StorageSchedule(members.get(i).id(), power.get(i), after.get(i)));
        }
        return new Split(schedules, unplaced);
    }

    /**
     * Shares {@code amount} in proportion to {@code weight}, no member above its {@code cap}; what a capped
     * member cannot take goes to the others. {@code amount} must not exceed the sum of the caps.
     */
    static double[] waterFill(double amount, double[] cap, double[] weight) {
        double[] share = new double[cap.length];
        boolean[] full = new boolean[cap.length];
        double left = amount;
        for (int round = 0; round < cap.length && left > 1e-12; round++) {
            double weights = 0;
            for (int i = 0; i < cap.length; i++) {
                if (!full[i]) {
                    weights += Math.max(weight[i], 1e-9);
                }
            }
            if (weights == 0) {
                break;
            }
            double given = 0;
            for (int i = 0; i < cap.length; i++) {
                if (full[i]) {
                    continue;
                }
                double add = left * Math.max(weight[i], 1e-9) / weights;
                if (share[i] + add >= cap[i]) {
                    add = cap[i] - share[i];
                    full[i] = true;
                }
                share[i] += add;
                given += add;
            }
            left -= given;
        }
        return share;
    }
}
