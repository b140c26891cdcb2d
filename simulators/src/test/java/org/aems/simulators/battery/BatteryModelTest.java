package org.aems.simulators.battery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.aems.core.grid.Battery;
import org.aems.core.grid.DeviceId;
import org.aems.core.grid.Validity;
import org.aems.core.unit.Efficiency;
import org.aems.core.unit.Energy;
import org.aems.core.unit.Power;
import org.aems.simulators.control.Fallback;
import org.aems.simulators.control.Setpoint;
import org.junit.jupiter.api.Test;

class BatteryModelTest {

    private static final Battery HOME = new Battery(DeviceId.of("bat-1"), Validity.from(LocalDate.of(2024, 4, 1)), true,
            Energy.ofKilowattHours(10), Power.ofKilowatts(3), Power.ofKilowatts(2.5), Efficiency.of(0.95), Efficiency.of(0.95));
    private static final Instant T0 = Instant.parse("2026-05-12T03:00:00Z");
    private static final double FIVE_MINUTES = 5 / 60.0;

    @Test
    void selfConsumptionChargesFromSurplusAndCoversDeficitWithinRatings() {
        BatteryModel battery = new BatteryModel(HOME, 0.5);
        assertThat(battery.step(T0, FIVE_MINUTES, 1_200)).isEqualTo(1_200.0);
        assertThat(battery.step(T0, FIVE_MINUTES, 5_000)).isEqualTo(3_000.0);
        assertThat(battery.step(T0, FIVE_MINUTES, -800)).isEqualTo(-800.0);
        assertThat(battery.step(T0, FIVE_MINUTES, -9_000)).isEqualTo(-2_500.0);
        assertThat(battery.commanded()).isFalse();
    }

    @Test
    void storesWithLossesBothWays() {
        BatteryModel battery = new BatteryModel(HOME, 0.5);
        battery.step(T0, 1.0, 1_000);
        assertThat(battery.storedWh()).isCloseTo(5_000 + 950, org.assertj.core.data.Offset.offset(1e-6));
        battery.step(T0, 1.0, -950);
        assertThat(battery.storedWh()).isCloseTo(5_950 - 1_000, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void keepsTheStateOfChargeWithinItsLimitsWhateverItIsAskedFor() {
        BatteryModel battery = new BatteryModel(HOME, 0.9);
        for (int i = 0; i < 100; i++) {
            battery.step(T0, FIVE_MINUTES, 10_000);
            assertThat(battery.socPercent()).isBetween(0.0, 100.0);
        }
        assertThat(battery.socPercent()).isCloseTo(100.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(battery.step(T0, FIVE_MINUTES, 10_000)).isZero();
        for (int i = 0; i < 200; i++) {
            battery.step(T0, FIVE_MINUTES, -10_000);
            assertThat(battery.socPercent()).isBetween(0.0, 100.0);
        }
        assertThat(battery.step(T0, FIVE_MINUTES, -10_000)).isZero();
    }

    @Test
    void holdsASetpointOnlyWhileValidThenFallsBackToSelfConsumption() {
        BatteryModel battery = new BatteryModel(HOME, 0.5);
        battery.follow(new Setpoint("cmd-1", -2_000, T0.plus(Duration.ofMinutes(10)), T0.plus(Duration.ofMinutes(30))));
        // before validFrom: self-consumption, charging from the 1 kW surplus
        assertThat(battery.step(T0.plus(Duration.ofMinutes(5)), FIVE_MINUTES, 1_000)).isEqualTo(1_000.0);
        assertThat(battery.commanded()).isFalse();
        // while valid: discharges 2 kW although there is surplus
        assertThat(battery.step(T0.plus(Duration.ofMinutes(10)), FIVE_MINUTES, 1_000)).isEqualTo(-2_000.0);
        assertThat(battery.commanded()).isTrue();
        assertThat(battery.step(T0.plus(Duration.ofMinutes(25)), FIVE_MINUTES, 1_000)).isEqualTo(-2_000.0);
        // validUntil reached: back to self-consumption, and it says why
        assertThat(battery.step(T0.plus(Duration.ofMinutes(30)), FIVE_MINUTES, 1_000)).isEqualTo(1_000.0);
        assertThat(battery.commanded()).isFalse();
        assertThat(battery.lastFallback()).contains(Fallback.LAPSED);
        assertThat(battery.fallbacks()).isEqualTo(1);
    }
}
