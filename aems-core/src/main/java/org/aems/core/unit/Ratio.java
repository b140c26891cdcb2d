package org.aems.core.unit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/** A dimensionless ratio such as a KPI, scale 6. */
public record Ratio(BigDecimal value) {

    public Ratio {
        Objects.requireNonNull(value, "value");
    }

    /** numerator ÷ denominator, rounded half-even to 6 decimals. */
    public static Ratio of(BigDecimal numerator, BigDecimal denominator) {
        if (denominator.signum() == 0) {
            throw new IllegalArgumentException("ratio denominator must not be zero");
        }
        return new Ratio(numerator.divide(denominator, 6, RoundingMode.HALF_EVEN));
    }

    public BigDecimal toPercent() {
        return value.movePointRight(2);
    }
}
