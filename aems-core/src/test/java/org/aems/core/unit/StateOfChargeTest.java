package org.aems.core.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StateOfChargeTest {

    @Test
    void acceptsZeroAndOneHundredPercent() {
        assertThat(StateOfCharge.ofPercent(0).fraction()).isZero();
        assertThat(StateOfCharge.ofPercent(100).fraction()).isEqualTo(1.0);
    }

    @Test
    void rejectsValuesOutsideZeroToOneHundredPercent() {
        assertThatThrownBy(() -> StateOfCharge.ofPercent(120))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("state of charge must be within 0..100 %, was 120.0 %");
        assertThatThrownBy(() -> StateOfCharge.ofPercent(-0.1))
                .hasMessage("state of charge must be within 0..100 %, was -0.1 %");
        assertThatThrownBy(() -> StateOfCharge.ofPercent(Double.NaN))
                .hasMessage("state of charge must be within 0..100 %, was NaN %");
    }

    @Test
    void convertsBetweenFractionAndStoredEnergy() {
        Energy leaf = Energy.ofKilowattHours(40);
        assertThat(StateOfCharge.ofFraction(0.5).percent()).isEqualTo(50.0);
        assertThat(StateOfCharge.ofPercent(50).storedIn(leaf)).isEqualTo(Energy.ofWattHours(20_000));
        assertThat(StateOfCharge.of(Energy.ofWattHours(10_000), leaf)).isEqualTo(StateOfCharge.ofPercent(25));
    }

    @Test
    void storedEnergyAboveCapacityIsRejected() {
        assertThatThrownBy(() -> StateOfCharge.of(Energy.ofWattHours(2), Energy.ofWattHours(1)))
                .hasMessage("state of charge must be within 0..100 %, was 200.0 %");
        assertThatThrownBy(() -> StateOfCharge.of(Energy.ZERO, Energy.ZERO))
                .hasMessage("capacity must be positive, was 0 kWh");
    }
}
