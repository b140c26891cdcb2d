package org.aems.core.unit;

import java.math.BigDecimal;
import java.util.Objects;

/** A unit price in yen per kWh, exact. Equality ignores scale. */
public record YenPerKwh(BigDecimal value) implements Comparable<YenPerKwh> {

    public YenPerKwh {
        Objects.requireNonNull(value, "value");
    }

    public static YenPerKwh of(String value) {
        return new YenPerKwh(new BigDecimal(value));
    }

    public static YenPerKwh of(BigDecimal value) {
        return new YenPerKwh(value);
    }

    /** The amount for {@code energy}, at full precision. */
    public Yen times(Energy energy) {
        return energy.times(this);
    }

    public YenPerKwh plus(YenPerKwh other) {
        return new YenPerKwh(value.add(other.value));
    }

    public YenPerKwh times(BigDecimal factor) {
        return new YenPerKwh(value.multiply(factor));
    }

    public static YenPerKwh max(YenPerKwh a, YenPerKwh b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    @Override
    public int compareTo(YenPerKwh other) {
        return value.compareTo(other.value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof YenPerKwh other && value.compareTo(other.value) == 0;
    }

    @Override
    public int hashCode() {
        return value.stripTrailingZeros().hashCode();
    }

    @Override
    public String toString() {
        return value.toPlainString() + " yen/kWh";
    }
}
