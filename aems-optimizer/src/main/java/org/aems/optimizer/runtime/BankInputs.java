package org.aems.optimizer.runtime;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.aems.core.grid.BankId;
import org.aems.core.grid.FeederId;
import org.aems.core.grid.FlowLimits;
import org.aems.core.time.Slot;
import org.aems.core.unit.Energy;
import org.aems.core.unit.Power;
import org.aems.optimizer.forecast.SlotSeries;
import org.aems.optimizer.model.EvBooking;
import org.aems.optimizer.model.StorageUnit;

/**
 * What the platform knows about one bank when it plans: limits per slot of the horizon, and per feeder its
 * limits, history and controllable batteries (with the state of charge they last reported).
 */
public record BankInputs(BankId bank, List<Slot> slots, List<FlowLimits> bankLimits, List<FeederInputs> feeders) {

    public BankInputs {
        Objects.requireNonNull(bank, "bank");
        slots = List.copyOf(slots);
        bankLimits = List.copyOf(bankLimits);
        feeders = List.copyOf(feeders);
    }

    /**
     * @param load          history of the feeder's demand without our batteries (Wh per slot): grid net
     *                      import minus battery net charging, plus PV
     * @param pv            history of the feeder's PV generation (Wh per slot)
     * @param curtailableShare the share of the feeder's PV peak power the platform may curtail (0..1)
     * @param storage       batteries we steer, ids {@code siteId/deviceId}
     * @param uncontrolled  batteries left to their own default mode (no recent state of charge, or their site
     *                      did not follow its last commands), with why
     * @param curtailable   the PV inverters the platform may curtail, ids {@code siteId/deviceId}
     * @param heldBackLastSlot what our own LIMIT_PV commands held back in the slot just measured, so the nowcast
     *                      does not mistake our curtailment for clouds
     * @param evs           plugged shared vehicles with a booking: steered so each has its energy by departure
     * @param pvCap         per slot, the share of the feeder's PV peak power the transmission operator's curtailment
     *                      orders allow (1 = no order, 0 = stop)
     */
    public record FeederInputs(FeederId id, List<FlowLimits> limits, SlotSeries load, SlotSeries pv, double curtailableShare,
                               List<StorageUnit> storage, Map<String, String> uncontrolled, Power pvPeak,
                               List<CurtailablePv> curtailable, HeldBack heldBackLastSlot, List<EvBooking> evs, List<Double> pvCap) {
        public FeederInputs {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(heldBackLastSlot, "heldBackLastSlot");
            limits = List.copyOf(limits);
            storage = List.copyOf(storage);
            evs = List.copyOf(evs);
            pvCap = List.copyOf(pvCap);
            if (pvCap.size() != limits.size()) {
                throw new IllegalArgumentException("feeder " + id + ": one PV cap per slot needed, had " + pvCap.size() + " for " + limits.size());
            }
            uncontrolled = Map.copyOf(uncontrolled);
            curtailable = List.copyOf(curtailable);
        }
    }

    /**
     * A PV inverter the platform may curtail: its array's peak power, the inverter's AC limit and the array's tilt and
     * azimuth (compass, 180 = south), which decide its share of the feeder's curtailable PV at each hour.
     */
    public record CurtailablePv(String id, Power peak, Power inverterLimit, double tiltDegrees, double azimuthDegrees) {
        public CurtailablePv {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(peak, "peak");
            Objects.requireNonNull(inverterLimit, "inverterLimit");
        }
    }

    /** The same bank without the given feeders (islanded ones, planned on their own). */
    public BankInputs without(java.util.Set<FeederId> removed) {
        return new BankInputs(bank, slots, bankLimits, feeders.stream().filter(f -> !removed.contains(f.id())).toList());
    }

    /** The share of a battery's capacity a plan must leave in it at the end of the horizon (or what it holds now, if less). */
    public static final double RESERVE = 0.3;

    /**
     * What a battery must still hold when the horizon ends: the reserve, or what it holds now if that is less,
     * so a plan neither empties batteries for free nor forces a low battery to charge at any price.
     */
    public static Energy endTarget(Energy stored, Energy capacity) {
        return Energy.min(stored, Energy.ofWattHours(Math.round(capacity.wattHours() * RESERVE)));
    }

    /** Energy of one slot from kWh as doubles (forecasts), rounded to whole Wh. */
    public static Energy wh(double wattHours) {
        return Energy.ofWattHours(Math.round(wattHours));
    }

    /** Index of the slot {@code at} falls in (the slot that starts at it, at a boundary); the horizon's length past its end. */
    public static int slotIndex(List<Slot> slots, Instant at) {
        int i = 0;
        while (i < slots.size() && !slots.get(i).end().isAfter(at)) {
            i++;
        }
        return i;
    }

    /**
     * Index of the first slot that starts at or after {@code at}: a vehicle plugging in during a slot is steered from
     * the next one, so no command ever reaches a charger before its vehicle does.
     */
    public static int firstSlotFrom(List<Slot> slots, Instant at) {
        int i = slotIndex(slots, at);
        return i < slots.size() && slots.get(i).start().isBefore(at) ? i + 1 : i;
    }
}
