package org.aems.optimizer.eval;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.aems.core.grid.Bank;
import org.aems.core.grid.Battery;
import org.aems.core.grid.EvCharger;
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
import org.aems.optimizer.model.EvBooking;
import org.aems.optimizer.model.StorageUnit;
import org.aems.optimizer.runtime.BankInputs;
import org.aems.optimizer.runtime.HeldBack;
import org.aems.optimizer.runtime.BankInputsQuery;
import org.aems.simulators.ev.Booking;
import org.aems.simulators.ev.EvModel;

/**
 * The same {@link BankInputs} the runtime reads from PostgreSQL, taken from the region file and what the
 * simulated meters and batteries reported: feeder history per slot, last state of charge per battery, and the
 * shared vehicles' bookings as the car-sharing system would send them. Like the runtime (ADR 0024), the demand it
 * learns leaves the booked vehicles' charging out: the model plans it.
 */
final class RegionInputs {

    private final Region region;
    private final Map<FeederId, TreeMap<Slot, Double>> load = new HashMap<>();
    private final Map<FeederId, TreeMap<Slot, Double>> pv = new HashMap<>();
    private final Map<FeederId, TreeMap<Slot, Double>> ev = new HashMap<>();

    RegionInputs(Region region) {
        this.region = region;
        for (Feeder f : region.feeders()) {
            load.put(f.id(), new TreeMap<>());
            pv.put(f.id(), new TreeMap<>());
            ev.put(f.id(), new TreeMap<>());
        }
    }

    /**
     * Learns a played slot, per feeder: demand without batteries and without the shared vehicles (every one of them is
     * booked: between trips it waits for its next member), and PV.
     */
    void record(SlotTruth truth, List<FeederId> feeders) {
        record(truth, feeders, Map.of());
    }

    /** As above, the PV with what the dispatched plans curtailed per feeder added back, as the runtime's history has it. */
    void record(SlotTruth truth, List<FeederId> feeders, Map<FeederId, Double> curtailedWh) {
        for (int f = 0; f < feeders.size(); f++) {
            load.get(feeders.get(f)).put(truth.slot, truth.loadWh[f] - truth.evWh[f]);
            ev.get(feeders.get(f)).put(truth.slot, truth.evWh[f]);
            pv.get(feeders.get(f)).put(truth.slot, truth.pvWh[f] + curtailedWh.getOrDefault(feeders.get(f), 0.0));
        }
    }

    /** @param heldBack what our PV limits held back per feeder in the slot just played */
    BankInputs inputs(Bank bank, List<Slot> slots, Map<String, Double> socPercent, Map<FeederId, HeldBack> heldBack,
                      Map<String, EvModel> vehicles) {
        LocalDate day = slots.get(0).date();
        List<BankInputs.FeederInputs> feeders = new ArrayList<>();
        for (Feeder feeder : bank.feeders()) {
            List<StorageUnit> storage = new ArrayList<>();
            Map<String, String> uncontrolled = new HashMap<>();
            long pvPeak = 0;
            List<BankInputs.CurtailablePv> curtailable = new ArrayList<>();
            List<EvBooking> evs = new ArrayList<>();
            for (Site site : feeder.sites()) {
                for (EvCharger charger : site.assetsOf(EvCharger.class)) {
                    String id = site.id().value() + "/" + charger.id().value();
                    EvModel vehicle = vehicles.get(id);
                    if (!charger.curtailable()) {
                        uncontrolled.put(id, "EV charger not dispatchable");
                    } else if (vehicle != null) {
                        evs.addAll(bookings(id, charger, vehicle, slots));
                    }
                }
                for (PvArray array : site.assetsOf(PvArray.class)) {
                    pvPeak += array.peakPower().watts();
                    if (array.curtailable()) {
                        curtailable.add(new BankInputs.CurtailablePv(site.id().value() + "/" + array.id().value(), array.peakPower(),
                                array.inverterLimit(), array.tiltDegrees(), array.azimuthDegrees()));
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
                    heldBack.getOrDefault(feeder.id(), HeldBack.NONE), evs, java.util.Collections.nCopies(slots.size(), 1.0)));
        }
        return new BankInputs(bank.id(), slots, slots.stream().map(s -> limit(bank.limits().at(s.date()).orElse(null), bank.id().value(), s))
                .toList(), feeders);
    }

    /**
     * A vehicle's windows at its charger within the horizon, as BankInputsQuery makes them from bookings: plugged in
     * now, until its next departure, needing what that member asked for less what it holds; each later return until
     * the departure after it, needing that less {@link BankInputsQuery#ASSUMED_ARRIVAL_SHARE} of its battery.
     */
    private static List<EvBooking> bookings(String id, EvCharger charger, EvModel vehicle, List<Slot> slots) {
        Instant now = slots.get(0).start();
        List<EvBooking> out = new ArrayList<>();
        // A vehicle due back already but not yet reported plugged in is not steered, as the runtime does with it.
        Instant back = vehicle.plugged() ? now : vehicle.backAt().filter(at -> at.isAfter(now)).orElse(null);
        boolean pluggedNow = vehicle.plugged();
        for (Booking trip : vehicle.tripsDeparting(now, slots.get(slots.size() - 1).end())) {
            if (back != null && back.isBefore(trip.departure())) {
                double held = pluggedNow ? vehicle.socPercent() / 100 * vehicle.capacityWh()
                        : BankInputsQuery.ASSUMED_ARRIVAL_SHARE * vehicle.capacityWh();
                int from = pluggedNow ? 0 : BankInputs.firstSlotFrom(slots, back);
                int departure = BankInputs.slotIndex(slots, trip.departure());
                if (from < departure) {
                    out.add(BankInputsQuery.window(id, from, departure, BankInputs.wh(trip.energyNeededWh()), BankInputs.wh(vehicle.capacityWh()),
                            BankInputs.wh(held), charger.maxCharge(), charger.v2x() ? charger.maxDischarge() : Power.ZERO));
                }
            }
            back = trip.returnAt();
            pluggedNow = false;
        }
        return out;
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

    /** The shared vehicles' net charging per feeder and slot, as it happened. */
    Map<FeederId, TreeMap<Slot, Double>> ev() {
        return ev;
    }

    Map<FeederId, TreeMap<Slot, Double>> pv() {
        return pv;
    }
}
