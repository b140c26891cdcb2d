package org.aems.core.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PowerTest {

    private static final Duration HALF_HOUR = Duration.ofMinutes(30);

    @Test
    void kilowattsRoundHalfUpToTheWatt() {
        assertThat(Power.ofKilowatts(1.5205)).isEqualTo(Power.ofWatts(1521));
        assertThat(Power.ofKilowatts(1.5204)).isEqualTo(Power.ofWatts(1520));
        assertThat(Power.ofKilowatts(-0.0005)).isEqualTo(Power.ofWatts(-1));
        assertThat(Power.ofKilowatts(new BigDecimal("3.2"))).isEqualTo(Power.ofWatts(3200));
        assertThat(Power.ofKilowatts(0.1).watts()).isEqualTo(100);
        assertThat(Power.ofWatts(1520).toKilowatts()).isEqualTo(1.52);
    }

    @Test
    void rejectsNonFiniteKilowatts() {
        assertThatThrownBy(() -> Power.ofKilowatts(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("power must be finite, was NaN kW");
    }

    @Test
    void powerTimesHalfHourIsExactWattHours() {
        assertThat(Power.ofWatts(1234).times(HALF_HOUR)).isEqualTo(Energy.ofWattHours(617));
        assertThat(Power.ofWatts(3_000_000).times(HALF_HOUR)).isEqualTo(Energy.ofWattHours(1_500_000));
        assertThat(Power.ofWatts(3600).times(Duration.ofSeconds(1))).isEqualTo(Energy.ofWattHours(1));
        assertThat(Power.ofWatts(-500).times(HALF_HOUR)).isEqualTo(Energy.ofWattHours(-250));
    }

    @Test
    void powerTimesDurationRoundsHalfAwayFromZeroSoNegationCommutes() {
        assertThat(Power.ofWatts(1001).times(HALF_HOUR)).isEqualTo(Energy.ofWattHours(501));
        assertThat(Power.ofWatts(-1001).times(HALF_HOUR)).isEqualTo(Energy.ofWattHours(-501));
        assertThat(Power.ofWatts(1).times(HALF_HOUR)).isEqualTo(Energy.ofWattHours(1));
        assertThat(Power.ofWatts(1000).times(Duration.ofSeconds(1))).isEqualTo(Energy.ZERO);
    }

    @Test
    void arithmeticKeepsTheSign() {
        Power export = Power.ofWatts(-250);
        assertThat(export.isNegative()).isTrue();
        assertThat(export.isPositive()).isFalse();
        assertThat(export.abs()).isEqualTo(Power.ofWatts(250));
        assertThat(export.negate()).isEqualTo(Power.ofWatts(250));
        assertThat(export.plus(Power.ofWatts(1000))).isEqualTo(Power.ofWatts(750));
        assertThat(export.minus(Power.ofWatts(1000))).isEqualTo(Power.ofWatts(-1250));
        assertThat(Power.ZERO.isZero()).isTrue();
    }

    @Test
    void arithmeticOverflowFailsInsteadOfWrapping() {
        assertThatThrownBy(() -> Power.ofWatts(Long.MAX_VALUE).plus(Power.ofWatts(1)))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void minAndMaxCompareBySignedValue() {
        assertThat(Power.min(Power.ofWatts(-5), Power.ofWatts(3))).isEqualTo(Power.ofWatts(-5));
        assertThat(Power.max(Power.ofWatts(-5), Power.ofWatts(3))).isEqualTo(Power.ofWatts(3));
        assertThat(Power.ofWatts(1)).isGreaterThan(Power.ZERO);
    }

    @Test
    void printsKilowattsFromOneKilowattAndWattsBelow() {
        assertThat(Power.ofWatts(1520)).hasToString("1.52 kW");
        assertThat(Power.ofWatts(1000)).hasToString("1 kW");
        assertThat(Power.ofWatts(-250)).hasToString("-250 W");
        assertThat(Power.ofWatts(-1500)).hasToString("-1.5 kW");
        assertThat(Power.ZERO).hasToString("0 W");
    }
}
