package org.aems.optimizer.eval;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.aems.core.grid.Bank;
import org.aems.core.grid.Battery;
import org.aems.core.grid.Feeder;
import org.aems.core.grid.FeederId;
import org.aems.core.grid.FlowLimits;
import org.aems.core.grid.PvArray;
import org.aems.core.grid.Region;
import org.aems.core.grid.Site;
import org.aems.core.time.Slot;
import org.aems.core.unit.Energy;
import org.aems.core.unit.Power;
import org.aems.optimizer.forecast.SlotSeries;
import org.aems.optimizer.model.StorageUnit;
import org.aems.optimizer.runtime.BankInputs;

/**
 * The same {@link BankInputs} the runtime reads from PostgreSQL, taken from the region file and what the
 * simulated meters and batteries reported: feeder history per slot, last state of charge per battery.
 */
final class RegionInputs {

    private final Region region;
    private final Map<FeederId, TreeMap<Slot, Double>> load = new HashMap<>();
    private final Map<FeederId, TreeMap<Slot, Double>> pv = new HashMap<>();

    RegionInputs(Region region) {
        this.region = region;
        for (Feeder f : region.feeders()) {
            load.put(f.id(), new TreeMap<>());
            pv.put(f.id(), new TreeMap<>());
        }
    }

    /** Learns a played slot: demand without batteries (load and EV charging) and PV, per feeder. */
    void record(SlotTruth truth, List<FeederId> feeders) {
        for (int f = 0; f < feeders.size(); f++) {
            load.get(feeders.get(f)).put(truth.slot, truth.loadWh[f]);
            pv.get(feeders.get(f)).put(truth.slot, truth.pvWh[f]);
        }
    }

    /** @param heldBackWh what our curtailment held back per feeder in the slot just played */
    BankInputs inputs(Bank bank, List<Slot> slots, Map<String, Double> socPercent, Map<FeederId, Long> heldBackWh) {
        LocalDate day = slots.get(0).date();
        List<BankInputs.FeederInputs> feeders = new ArrayList<>();
        for (Feeder feeder : bank.feeders()) {
            List<StorageUnit> storage = new ArrayList<>();
            Map<String, String> uncontrolled = new HashMap<>();
            long pvPeak = 0;
            List<BankInputs.CurtailablePv> curtailable = new ArrayList<>();
            for (Site site : feeder.sites()) {
                for (PvArray array : site.assetsOf(PvArray.class)) {
                    pvPeak += array.peakPower().watts();
                    if (array.curtailable()) {
                        curtailable.add(new BankInputs.CurtailablePv(site.id().value() + "/" + array.id().value(), array.peakPower()));
                    }
                }
                for (Battery b : site.assetsOf(Battery.class)) {
                    String id = site.id().value() + "/" + b.id().value();
                    Double percent = socPercent.get(id);
                    if (!b.curtailable()) {
                        uncontrolled.put(id, "not dispatchable");
                    } else if (percent == null) {
                        uncontrolled.put(id, "no state of charge yet");
                    } else {
                        Energy stored = Energy.ofWattHours(Math.round(b.capacity().wattHours() * percent / 100));
                        storage.add(new StorageUnit(id, b.capacity(), b.maxCharge(), b.maxDischarge(), b.chargeEfficiency(),
                                b.dischargeEfficiency(), stored, BankInputs.endTarget(stored, b.capacity())));
                    }
                }
            }
            feeders.add(new BankInputs.FeederInputs(feeder.id(), slots.stream().map(s -> limit(feeder.limits().at(s.date()).orElse(null), feeder.id().value(), s)).toList(),
                    new SlotSeries(feeder.id().value() + " demand", "Wh", load.get(feeder.id())),
                    new SlotSeries(feeder.id().value() + " pv", "Wh", pv.get(feeder.id())),
                    pvPeak == 0 ? 0 : (double) curtailable.stream().mapToLong(c -> c.peak().watts()).sum() / pvPeak, storage, uncontrolled, Power.ofWatts(pvPeak), curtailable,
                    Energy.ofWattHours(heldBackWh.getOrDefault(feeder.id(), 0L)), List.of(), java.util.Collections.nCopies(slots.size(), 1.0)));
        }
        return new BankInputs(bank.id(), slots, slots.stream().map(s -> limit(bank.limits().at(s.date()).orElse(null), bank.id().value(), s))
                .toList(), feeders);
    }

    private static FlowLimits limit(FlowLimits limits, String where, Slot slot) {
        if (limits == null) {
            throw new IllegalStateException(where + " has no limits in force on " + slot.date());
        }
        return limits;
    }

    /** The true demand and PV of a slot, per feeder of a bank (for the perfect-foresight solve). */
    double[] truth(Map<FeederId, TreeMap<Slot, Double>> series, FeederId feeder, List<Slot> slots) {
        return slots.stream().mapToDouble(s -> series.get(feeder).getOrDefault(s, 0.0)).toArray();
    }

    Map<FeederId, TreeMap<Slot, Double>> load() {
        return load;
    }

    Map<FeederId, TreeMap<Slot, Double>> pv() {
        return pv;
    }
}
