package org.aems.simulators.ev;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.aems.core.grid.EvCharger;
import org.aems.core.time.Jst;
import org.aems.simulators.control.Controllable;
import org.aems.simulators.control.Fallback;
import org.aems.simulators.control.SetpointHolder;

/**
 * A charger and the shared vehicle that lives on it. Power + = charging the vehicle, − = V2X discharge.
 * While the vehicle is plugged in, the default is to charge at full power until full; a setpoint is held
 * while valid (discharge only on a V2X charger), except that the charger's departure guard charges at
 * full power whenever waiting any longer would leave the next booked member short of the energy booked.
 * Not thread-safe: its site serialises access.
 */
public final class EvModel implements Controllable {

    private static final double EFFICIENCY = 0.92;

    private final EvCharger charger;
    private final BookingSchedule bookings;
    private final double capacityWh;
    private double storedWh;
    private Booking out;
    private final SetpointHolder control = new SetpointHolder();
    private boolean guarding;
    private int departures;
    private int shortDepartures;

    public EvModel(EvCharger charger, BookingSchedule bookings, double capacityWh, double initialSocFraction) {
        this.charger = Objects.requireNonNull(charger, "charger");
        this.bookings = Objects.requireNonNull(bookings, "bookings");
        this.capacityWh = capacityWh;
        this.storedWh = capacityWh * initialSocFraction;
    }

    public EvCharger charger() {
        return charger;
    }

    /** Advances {@code hours} ending at {@code t}; returns the charger's power, W. */
    public double step(Instant t, double hours) {
        boolean returned = false;
        if (out != null && !t.isBefore(out.returnAt())) {
            storedWh = Math.max(0.03 * capacityWh, storedWh - out.energyUsedWh());
            out = null;
            returned = true; // it was on the road during this step: plugged in from now on
        }
        if (out == null) {
            Optional<Booking> leaving = bookings.current(t);
            if (leaving.isPresent()) {
                out = leaving.get();
                departures++;
                if (storedWh + 1 < out.energyNeededWh()) {
                    shortDepartures++;
                }
                fallBack(Fallback.VEHICLE_LEFT, t);
            }
        }
        if (out != null || returned || hours <= 0) {
            control.idle();
            guarding = false;
            return 0;
        }
        double wanted = control.wattsAt(t).orElse(charger.maxCharge().watts());
        guarding = mustChargeNow(t, hours);
        if (guarding) {
            wanted = charger.maxCharge().watts();
        }
        double power;
        if (wanted >= 0) {
            double roomW = (capacityWh - storedWh) / EFFICIENCY / hours;
            power = Math.min(wanted, Math.min(charger.maxCharge().watts(), roomW));
            storedWh = Math.min(capacityWh, storedWh + power * EFFICIENCY * hours);
        } else {
            double availableW = storedWh * EFFICIENCY / hours;
            double discharge = Math.min(-wanted, Math.min(charger.maxDischarge().watts(), availableW));
            storedWh = Math.max(0, storedWh - discharge / EFFICIENCY * hours);
            power = -discharge;
        }
        return power;
    }

    /** True when waiting one more step (even discharging through it) could leave the next member short. */
    private boolean mustChargeNow(Instant t, double hours) {
        Optional<Booking> next = bookings.next(t);
        if (next.isEmpty()) {
            return false;
        }
        double hoursLeft = Duration.between(t, next.get().departure()).toMillis() / 3_600_000.0;
        // Worst case: this step still discharges at full V2X power; the steps after it charge at full power.
        double missing = next.get().energyNeededWh() - storedWh + charger.maxDischarge().watts() / EFFICIENCY * hours;
        return missing > 0 && missing > charger.maxCharge().watts() * EFFICIENCY * (hoursLeft - 3 * hours);
    }

    public boolean plugged() {
        return out == null;
    }

    /** When the vehicle now out on a trip comes back; empty while it is plugged in. */
    public Optional<Instant> backAt() {
        return Optional.ofNullable(out).map(Booking::returnAt);
    }

    /**
     * The trips departing in {@code [from, until)}, in order: what the car-sharing system knows ahead and would tell
     * the platform (departure, return, energy asked for), for evaluations that play the platform's side.
     */
    public List<Booking> tripsDeparting(Instant from, Instant until) {
        List<Booking> trips = new ArrayList<>();
        for (LocalDate day = from.atZone(Jst.ZONE).toLocalDate(); !day.atStartOfDay(Jst.ZONE).toInstant().isAfter(until); day = day.plusDays(1)) {
            for (Booking b : bookings.on(day)) {
                if (!b.departure().isBefore(from) && b.departure().isBefore(until)) {
                    trips.add(b);
                }
            }
        }
        return trips;
    }

    public double capacityWh() {
        return capacityWh;
    }

    public double socPercent() {
        return 100.0 * storedWh / capacityWh;
    }

    /** True while the departure guard overrode the setpoint or the default. */
    public boolean guarding() {
        return guarding;
    }

    public int departures() {
        return departures;
    }

    @Override
    public SetpointHolder control() {
        return control;
    }

    /** Departures with less energy than the member booked. */
    public int shortDepartures() {
        return shortDepartures;
    }
}
