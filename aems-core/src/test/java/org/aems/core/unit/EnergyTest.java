package org.aems.core.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnergyTest {

    @Test
    void kilowattHoursAreExactWithScaleThree() {
        assertThat(Energy.ofWattHours(1234).toKilowattHours()).isEqualTo(new BigDecimal("1.234"));
        assertThat(Energy.ZERO.toKilowattHours()).isEqualTo(new BigDecimal("0.000"));
        assertThat(Energy.ofWattHours(-5).toKilowattHours()).isEqualTo(new BigDecimal("-0.005"));
    }

    @Test
    void kilowattHoursRoundHalfUpToTheWattHour() {
        assertThat(Energy.ofKilowattHours(0.1)).isEqualTo(Energy.ofWattHours(100));
        assertThat(Energy.ofKilowattHours(new BigDecimal("1.2345"))).isEqualTo(Energy.ofWattHours(1235));
        assertThat(Energy.ofKilowattHours(new BigDecimal("1.2344"))).isEqualTo(Energy.ofWattHours(1234));
        assertThatThrownBy(() -> Energy.ofKilowattHours(Double.POSITIVE_INFINITY))
                .hasMessage("energy must be finite, was Infinity kWh");
    }

    @Test
    void energyTimesPriceIsExactYen() {
        assertThat(Energy.ofWattHours(1234).times(YenPerKwh.of("8.5"))).isEqualTo(Yen.of("10.489"));
        assertThat(Energy.ofWattHours(1234).times(YenPerKwh.of("8.5")).amount()).isEqualByComparingTo("10.489");
    }

    @Test
    void energyTimesPriceKeepsFullPrecisionUntilStatementTruncation() {
        // three slots of 333 Wh at 8.5 yen/kWh: 2.8305 yen each. Rounding each slot would give 2 + 2 + 2 = 6.
        YenPerKwh price = YenPerKwh.of("8.5");
        Yen total = List.of(333L, 333L, 333L).stream()
                .map(wh -> Energy.ofWattHours(wh).times(price))
                .reduce(Yen.ZERO, Yen::plus);
        assertThat(total).isEqualTo(Yen.of("8.4915"));
        assertThat(total.truncateToWholeYen()).isEqualTo(Yen.of(8));
    }

    @Test
    void dividedByDurationIsAveragePower() {
        assertThat(Energy.ofWattHours(617).dividedBy(Duration.ofMinutes(30))).isEqualTo(Power.ofWatts(1234));
        assertThat(Energy.ofWattHours(-250).dividedBy(Duration.ofMinutes(30))).isEqualTo(Power.ofWatts(-500));
        assertThat(Energy.ofWattHours(1).dividedBy(Duration.ofHours(2))).isEqualTo(Power.ofWatts(1));
    }

    @Test
    void dividedByRejectsAnEmptyDuration() {
        assertThatThrownBy(() -> Energy.ofWattHours(1).dividedBy(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("duration must be at least 1 ms, was PT0S");
    }

    @Test
    void arithmeticAndComparison() {
        Energy e = Energy.ofWattHours(600);
        assertThat(e.plus(Energy.ofWattHours(400))).isEqualTo(Energy.ofWattHours(1000));
        assertThat(e.minus(Energy.ofWattHours(1000))).isEqualTo(Energy.ofWattHours(-400));
        assertThat(e.negate().isNegative()).isTrue();
        assertThat(e.negate().abs()).isEqualTo(e);
        assertThat(e.isPositive()).isTrue();
        assertThat(Energy.ZERO.isZero()).isTrue();
        assertThat(Energy.min(e, Energy.ZERO)).isEqualTo(Energy.ZERO);
        assertThat(Energy.max(e, Energy.ZERO)).isEqualTo(e);
        assertThat(Energy.ofWattHours(1_500)).hasToString("1.5 kWh");
    }
}
