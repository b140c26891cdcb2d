package org.aems.simulators.ev;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.aems.core.grid.DeviceId;
import org.aems.core.grid.EvCharger;
import org.aems.core.grid.Validity;
import org.aems.core.time.Jst;
import org.aems.core.unit.Power;
import org.aems.simulators.control.Setpoint;
import org.junit.jupiter.api.Test;

class EvModelTest {

    private static final EvCharger V2X = new EvCharger(DeviceId.of("ev-1"), Validity.from(LocalDate.of(2024, 4, 1)), true,
            Power.ofKilowatts(6), Power.ofKilowatts(6), true);
    private static final double LEAF_WH = 40_000;
    private static final Duration STEP = Duration.ofMinutes(5);

    @Test
    void bookedVehiclesLeaveWithTheEnergyBookedWhenThereWasTimeToChargeIt() {
        int departures = 0;
        int full = 0;
        double hours = STEP.toMillis() / 3_600_000.0;
        for (long vehicle = 1; vehicle <= 40; vehicle++) {
            BookingSchedule schedule = new BookingSchedule(42, vehicle, 2.5, 12_000, LEAF_WH);
            EvModel ev = new EvModel(V2X, schedule, LEAF_WH, 0.15);
            Instant start = LocalDate.of(2026, 7, 1).atStartOfDay(Jst.ZONE).toInstant();
            // The platform asks for V2X discharge around the clock; the departure guard must still win.
            ev.follow(new Setpoint("discharge", -6_000, start, start.plus(Duration.ofDays(10))));
            double storedAtPlugIn = 0.15 * LEAF_WH;
            Instant pluggedIn = start;
            double storedBefore = storedAtPlugIn;
            boolean wasPlugged = true;
            for (Instant t = start.plus(STEP); t.isBefore(start.plus(Duration.ofDays(7))); t = t.plus(STEP)) {
                ev.step(t, hours);
                assertThat(ev.socPercent()).isBetween(0.0, 100.0);
                if (wasPlugged && !ev.plugged()) {
                    Booking trip = schedule.current(t).orElseThrow();
                    // What full-power charging since plug-in could have stored, less one step of guard latency.
                    double possible = storedAtPlugIn + 6_000 * 0.92 * Duration.between(pluggedIn, trip.departure()).toMillis() / 3_600_000.0;
                    double owed = Math.min(trip.energyNeededWh(), possible) - 6_000 * 0.92 * hours;
                    assertThat(storedBefore).as("vehicle %d leaving at %s", vehicle, trip.departure()).isGreaterThanOrEqualTo(owed);
                    departures++;
                    full += storedBefore >= trip.energyNeededWh() ? 1 : 0;
                }
                if (!wasPlugged && ev.plugged()) {
                    pluggedIn = t;
                    storedAtPlugIn = ev.socPercent() * LEAF_WH / 100;
                }
                wasPlugged = ev.plugged();
                storedBefore = ev.socPercent() * LEAF_WH / 100;
            }
        }
        assertThat(departures).isGreaterThan(40 * 7);
        assertThat(full).isGreaterThan(departures * 8 / 10);
    }

    @Test
    void chargesOnPlugInByDefaultAndIsIdleWhileOut() {
        BookingSchedule schedule = new BookingSchedule(7, 3, 3, 8_000, LEAF_WH);
        EvModel ev = new EvModel(V2X, schedule, LEAF_WH, 0.3);
        Booking trip = schedule.on(LocalDate.of(2026, 7, 2)).get(0);
        Instant t = trip.departure().minus(Duration.ofHours(3));
        double before = ev.socPercent();
        assertThat(ev.step(t, 5 / 60.0)).isEqualTo(6_000.0);
        assertThat(ev.socPercent()).isGreaterThan(before);
        assertThat(ev.step(trip.departure().plus(STEP), 5 / 60.0)).isZero();
        assertThat(ev.plugged()).isFalse();
    }
}
