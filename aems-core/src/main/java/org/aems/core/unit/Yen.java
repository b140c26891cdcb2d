package org.aems.core.unit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An amount of money in yen at full precision. Equality ignores scale (10.0 yen equals 10 yen).
 * Rounding happens once, at a statement total, with {@link #truncateToWholeYen()}.
 */
public record Yen(BigDecimal amount) implements Comparable<Yen> {

    public static final Yen ZERO = new Yen(BigDecimal.ZERO);

    public Yen {
        Objects.requireNonNull(amount, "amount");
    }

    public static Yen of(String amount) {
        return new Yen(new BigDecimal(amount));
    }

    public static Yen of(long amount) {
        return new Yen(BigDecimal.valueOf(amount));
    }

    public static Yen of(BigDecimal amount) {
        return new Yen(amount);
    }

    public Yen plus(Yen other) {
        return new Yen(amount.add(other.amount));
    }

    public Yen minus(Yen other) {
        return new Yen(amount.subtract(other.amount));
    }

    public Yen negate() {
        return new Yen(amount.negate());
    }

    public Yen times(BigDecimal factor) {
        return new Yen(amount.multiply(Objects.requireNonNull(factor, "factor")));
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    /**
     * The one rounding rule for money (円未満切り捨て): drop fractions of a yen, toward zero
     * ({@link RoundingMode#DOWN}), so 123.999 → 123 and −0.5 → 0 (a credit is never rounded up either).
     */
    public Yen truncateToWholeYen() {
        return new Yen(amount.setScale(0, RoundingMode.DOWN));
    }

    @Override
    public int compareTo(Yen other) {
        return amount.compareTo(other.amount);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Yen other && amount.compareTo(other.amount) == 0;
    }

    @Override
    public int hashCode() {
        return amount.stripTrailingZeros().hashCode();
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " yen";
    }
}
