package org.aems.core.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class RatioTest {

    @Test
    void dividesToScaleSixHalfEven() {
        assertThat(Ratio.of(BigDecimal.ONE, new BigDecimal("3")).value()).isEqualTo(new BigDecimal("0.333333"));
        assertThat(Ratio.of(new BigDecimal("2"), new BigDecimal("3")).value()).isEqualTo(new BigDecimal("0.666667"));
        // exactly half a millionth: to the even neighbour
        assertThat(Ratio.of(BigDecimal.ONE, new BigDecimal("2000000")).value()).isEqualTo(new BigDecimal("0.000000"));
        assertThat(Ratio.of(new BigDecimal("3"), new BigDecimal("2000000")).value()).isEqualTo(new BigDecimal("0.000002"));
    }

    @Test
    void percentAndEqualityIgnoreScale() {
        Ratio r = Ratio.of(new BigDecimal("4"), new BigDecimal("10"));
        assertThat(r.toPercent()).isEqualByComparingTo("40");
        assertThat(r).isEqualTo(new Ratio(new BigDecimal("0.4"))).hasSameHashCodeAs(new Ratio(new BigDecimal("0.4")));
    }

    @Test
    void rejectsAZeroDenominator() {
        assertThatThrownBy(() -> Ratio.of(BigDecimal.ONE, BigDecimal.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ratio denominator must not be zero");
    }
}
