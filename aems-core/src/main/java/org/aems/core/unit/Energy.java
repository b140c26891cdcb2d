package org.aems.core.unit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Objects;

/**
 * Energy in whole watt-hours (meters resolve 0.1 kWh or better, so Wh loses nothing). A signed energy
 * follows the sign of the power it came from (site + = import, battery + = charged, see {@link Power});
 * meter registers are non-negative.
 */
public record Energy(long wattHours) implements Comparable<Energy> {

    public static final Energy ZERO = new Energy(0);

    public static Energy ofWattHours(long wattHours) {
        return new Energy(wattHours);
    }

    /** Rounds half-up (away from zero) to the watt-hour, from the shortest decimal form of the double. */
    public static Energy ofKilowattHours(double kilowattHours) {
        if (!Double.isFinite(kilowattHours)) {
            throw new IllegalArgumentException("energy must be finite, was " + kilowattHours + " kWh");
        }
        return ofKilowattHours(BigDecimal.valueOf(kilowattHours));
    }

    /** Rounds half-up to the watt-hour. */
    public static Energy ofKilowattHours(BigDecimal kilowattHours) {
        return new Energy(kilowattHours.movePointRight(3).setScale(0, RoundingMode.HALF_UP).longValueExact());
    }

    /** Exact, scale 3. */
    public BigDecimal toKilowattHours() {
        return BigDecimal.valueOf(wattHours, 3);
    }

    public Energy plus(Energy other) {
        return new Energy(Math.addExact(wattHours, other.wattHours));
    }

    public Energy minus(Energy other) {
        return new Energy(Math.subtractExact(wattHours, other.wattHours));
    }

    public Energy negate() {
        return new Energy(Math.negateExact(wattHours));
    }

    public boolean isNegative() {
        return wattHours < 0;
    }

    public boolean isPositive() {
        return wattHours > 0;
    }

    public boolean isZero() {
        return wattHours == 0;
    }

    public Energy abs() {
        return wattHours < 0 ? negate() : this;
    }

    /** The amount at {@code price}, at full precision: rounding happens once, at the statement total. */
    public Yen times(YenPerKwh price) {
        Objects.requireNonNull(price, "price");
        return Yen.of(toKilowattHours().multiply(price.value()));
    }

    /** Average power over {@code duration} (taken to the millisecond), rounded half away from zero to the watt. */
    public Power dividedBy(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.toMillis() <= 0) {
            throw new IllegalArgumentException("duration must be at least 1 ms, was " + duration);
        }
        BigDecimal w = BigDecimal.valueOf(wattHours).multiply(BigDecimal.valueOf(3_600_000))
                .divide(BigDecimal.valueOf(duration.toMillis()), 0, RoundingMode.HALF_UP);
        return Power.ofWatts(w.longValueExact());
    }

    public static Energy min(Energy a, Energy b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    public static Energy max(Energy a, Energy b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    @Override
    public int compareTo(Energy other) {
        return Long.compare(wattHours, other.wattHours);
    }

    @Override
    public String toString() {
        return toKilowattHours().stripTrailingZeros().toPlainString() + " kWh";
    }
}
