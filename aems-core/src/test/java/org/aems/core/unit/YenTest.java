package org.aems.core.unit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Set;
import org.junit.jupiter.api.Test;

class YenTest {

    @Test
    void truncationDropsFractionsOfAYen() {
        assertThat(Yen.of("123.999").truncateToWholeYen()).isEqualTo(Yen.of(123));
        assertThat(Yen.of("123.999").truncateToWholeYen().amount().scale()).isZero();
    }

    @Test
    void truncationOfNegativeAmountsGoesTowardZero() {
        // 円未満切り捨て applies to the magnitude: a credit of 0.5 yen is not rounded up to 1 yen.
        assertThat(Yen.of("-0.5").truncateToWholeYen()).isEqualTo(Yen.ZERO);
        assertThat(Yen.of("-123.999").truncateToWholeYen()).isEqualTo(Yen.of(-123));
    }

    @Test
    void equalityIgnoresScale() {
        assertThat(Yen.of("10.0")).isEqualTo(Yen.of(10));
        assertThat(Yen.of("10.0")).hasSameHashCodeAs(Yen.of(10));
        assertThat(Set.of(Yen.of("10.00"))).contains(Yen.of(10));
        assertThat(Yen.of("10.01")).isNotEqualTo(Yen.of(10));
    }

    @Test
    void arithmeticKeepsFullPrecision() {
        assertThat(Yen.of("0.1").plus(Yen.of("0.2"))).isEqualTo(Yen.of("0.3"));
        assertThat(Yen.of(5).minus(Yen.of("5.001"))).isEqualTo(Yen.of("-0.001"));
        assertThat(Yen.of(3).negate()).isEqualTo(Yen.of(-3));
        assertThat(Yen.of("100").times(new BigDecimal("0.1"))).isEqualTo(Yen.of(10));
        assertThat(Yen.of(BigDecimal.ONE)).isGreaterThan(Yen.ZERO);
        assertThat(Yen.of("-1").isNegative()).isTrue();
        assertThat(Yen.of("10.489")).hasToString("10.489 yen");
    }
}
