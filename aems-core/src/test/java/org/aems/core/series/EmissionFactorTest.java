package org.aems.core.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.aems.core.unit.Energy;
import org.junit.jupiter.api.Test;

class EmissionFactorTest {

    @Test
    void avoidedCo2IsEnergyTimesFactorInKilograms() {
        assertThat(EmissionFactor.of("0.441").avoided(Energy.ofWattHours(1234))).isEqualByComparingTo("0.544194");
        assertThat(EmissionFactor.of("0.441").avoided(Energy.ZERO)).isEqualByComparingTo("0");
    }

    @Test
    void rejectsANegativeFactor() {
        assertThatThrownBy(() -> EmissionFactor.of("-0.1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("emission factor must be >= 0 kg-CO2/kWh, was -0.1");
    }
}
