package org.aems.core.unit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class YenPerKwhTest {

    @Test
    void priceTimesEnergyIsExactYen() {
        assertThat(YenPerKwh.of("8.5").times(Energy.ofWattHours(1234))).isEqualTo(Yen.of("10.489"));
        assertThat(YenPerKwh.of("8.5").times(Energy.ofWattHours(-1000))).isEqualTo(Yen.of("-8.5"));
    }

    @Test
    void pricesAddScaleAndCompare() {
        YenPerKwh spot = YenPerKwh.of("12.34");
        assertThat(spot.plus(YenPerKwh.of("1.66"))).isEqualTo(YenPerKwh.of("14"));
        assertThat(spot.times(new BigDecimal("1.1"))).isEqualTo(YenPerKwh.of("13.574"));
        assertThat(YenPerKwh.max(spot, YenPerKwh.of("8.5"))).isEqualTo(spot);
        assertThat(YenPerKwh.of(new BigDecimal("8.50"))).isEqualTo(YenPerKwh.of("8.5"))
                .hasSameHashCodeAs(YenPerKwh.of("8.5"));
    }
}
