package org.aems.core.unit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Objects;

/**
 * Active power in whole watts. Signs follow the quantity it describes (ADR 0001): battery + = charging;
 * meter, site, feeder and bank + = import, − = export (reverse flow); EV charger + = charging the
 * vehicle, − = V2X discharge. Limits are positive magnitudes.
 */
public record Power(long watts) implements Comparable<Power> {

    public static final Power ZERO = new Power(0);

    public static Power ofWatts(long watts) {
        return new Power(watts);
    }

    /** Rounds half-up (away from zero) to the watt, from the shortest decimal form of the double. */
    public static Power ofKilowatts(double kilowatts) {
        if (!Double.isFinite(kilowatts)) {
            throw new IllegalArgumentException("power must be finite, was " + kilowatts + " kW");
        }
        return ofKilowatts(BigDecimal.valueOf(kilowatts));
    }

    /** Rounds half-up to the watt. */
    public static Power ofKilowatts(BigDecimal kilowatts) {
        return new Power(kilowatts.movePointRight(3).setScale(0, RoundingMode.HALF_UP).longValueExact());
    }

    public double toKilowatts() {
        return watts / 1000.0;
    }

    public Power plus(Power other) {
        return new Power(Math.addExact(watts, other.watts));
    }

    public Power minus(Power other) {
        return new Power(Math.subtractExact(watts, other.watts));
    }

    public Power negate() {
        return new Power(Math.negateExact(watts));
    }

    public Power abs() {
        return watts < 0 ? negate() : this;
    }

    public boolean isNegative() {
        return watts < 0;
    }

    public boolean isPositive() {
        return watts > 0;
    }

    public boolean isZero() {
        return watts == 0;
    }

    /**
     * Energy at this power for {@code duration} (taken to the millisecond), exact before one rounding to
     * the watt-hour, half away from zero, so {@code p.negate().times(d)} equals {@code p.times(d).negate()}.
     * The result keeps this power's sign: 30 min at −500 W is −250 Wh.
     */
    public Energy times(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        BigDecimal wh = BigDecimal.valueOf(watts).multiply(BigDecimal.valueOf(duration.toMillis()))
                .divide(BigDecimal.valueOf(3_600_000), 0, RoundingMode.HALF_UP);
        return Energy.ofWattHours(wh.longValueExact());
    }

    public static Power min(Power a, Power b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    public static Power max(Power a, Power b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    @Override
    public int compareTo(Power other) {
        return Long.compare(watts, other.watts);
    }

    /** "1.52 kW" from 1 kW on (trailing zeros dropped), else "-250 W". */
    @Override
    public String toString() {
        return Math.abs(watts) >= 1000
                ? BigDecimal.valueOf(watts).movePointLeft(3).stripTrailingZeros().toPlainString() + " kW"
                : watts + " W";
    }
}
