package org.aems.core.unit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A dimensionless ratio such as a KPI (0.4 = 40 %). Ratios made by {@link #of} have scale 6; equality
 * ignores scale, like {@link Yen}.
 */
public record Ratio(BigDecimal value) implements Comparable<Ratio> {

    public static final int SCALE = 6;

    public Ratio {
        Objects.requireNonNull(value, "value");
    }

    /** numerator ÷ denominator, rounded half-even to {@value #SCALE} decimals; the denominator must not be zero. */
    public static Ratio of(BigDecimal numerator, BigDecimal denominator) {
        Objects.requireNonNull(numerator, "numerator");
        Objects.requireNonNull(denominator, "denominator");
        if (denominator.signum() == 0) {
            throw new IllegalArgumentException("ratio denominator must not be zero");
        }
        return new Ratio(numerator.divide(denominator, SCALE, RoundingMode.HALF_EVEN));
    }

    /** The ratio in percent (0.4 → 40), exact. */
    public BigDecimal toPercent() {
        return value.movePointRight(2);
    }

    @Override
    public int compareTo(Ratio other) {
        return value.compareTo(other.value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ratio other && value.compareTo(other.value) == 0;
    }

    @Override
    public int hashCode() {
        return value.stripTrailingZeros().hashCode();
    }

    @Override
    public String toString() {
        return value.toPlainString();
    }
}
