package org.aems.optimizer.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.aems.core.grid.BankId;
import org.aems.core.grid.FeederId;
import org.aems.core.grid.FlowLimits;
import org.aems.core.time.Slot;
import org.aems.core.unit.Efficiency;
import org.aems.core.unit.Energy;
import org.aems.core.unit.Power;
import org.aems.core.unit.YenPerKwh;

/** Small bank problems whose optimum can be worked out by hand. Energies in kWh per 30-minute slot. */
final class Problems {

    static final LocalDate DAY = LocalDate.of(2026, 5, 12);
    static final FlowLimits WIDE = limits(1_000, 1_000);

    private Problems() {
    }

    static List<Slot> slots(int n) {
        List<Slot> slots = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            slots.add(Slot.of(DAY, 25).plus(i)); // from 12:00 JST
        }
        return slots;
    }

    /** Limits in kWh per slot (the power limit is twice that). */
    static FlowLimits limits(double reverseKwhPerSlot, double importKwhPerSlot) {
        return new FlowLimits(Power.ofWatts(Math.round(reverseKwhPerSlot * 2000)), Power.ofWatts(Math.round(importKwhPerSlot * 2000)));
    }

    static List<Energy> kwh(double... values) {
        List<Energy> list = new ArrayList<>();
        for (double v : values) {
            list.add(Energy.ofWattHours(Math.round(v * 1000)));
        }
        return list;
    }

    static List<YenPerKwh> yen(String... values) {
        return java.util.Arrays.stream(values).map(YenPerKwh::of).toList();
    }

    static List<Energy> zeros(int n) {
        return kwh(new double[n]);
    }

    /** A battery: capacity and stored in kWh, power limit in kWh per slot, one-way efficiency. */
    static StorageUnit battery(String id, double capacityKwh, double kwhPerSlot, double efficiency, double storedKwh) {
        return new StorageUnit(id, Energy.ofWattHours(Math.round(capacityKwh * 1000)), Power.ofWatts(Math.round(kwhPerSlot * 2000)),
                Power.ofWatts(Math.round(kwhPerSlot * 2000)), Efficiency.of(efficiency), Efficiency.of(efficiency),
                Energy.ofWattHours(Math.round(storedKwh * 1000)), Energy.ZERO);
    }

    static FeederProblem feeder(String id, FlowLimits limits, List<Energy> baseNet, List<StorageUnit> storage, List<EvBooking> evs) {
        return new FeederProblem(FeederId.of(id), Collections.nCopies(baseNet.size(), limits), baseNet, zeros(baseNet.size()),
                storage, evs);
    }

    static BankProblem bank(List<YenPerKwh> purchase, List<YenPerKwh> sale, FeederProblem... feeders) {
        int n = purchase.size();
        return new BankProblem(BankId.of("bank-1"), slots(n), Collections.nCopies(n, WIDE), List.of(feeders), purchase, sale,
                Optional.empty(), Penalties.DEFAULT);
    }
}
