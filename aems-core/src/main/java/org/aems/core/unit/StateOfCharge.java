package org.aems.core.unit;

/** State of charge of a battery or vehicle, 0–100 %. */
public record StateOfCharge(double percent) implements Comparable<StateOfCharge> {

    public StateOfCharge {
        if (!(percent >= 0 && percent <= 100)) {
            throw new IllegalArgumentException("state of charge must be within 0..100 %, was " + percent + " %");
        }
    }

    public static StateOfCharge ofPercent(double percent) {
        return new StateOfCharge(percent);
    }

    public static StateOfCharge ofFraction(double fraction) {
        return new StateOfCharge(fraction * 100);
    }

    /** The state of charge of {@code stored} energy in a battery of {@code capacity}. */
    public static StateOfCharge of(Energy stored, Energy capacity) {
        if (capacity.wattHours() <= 0) {
            throw new IllegalArgumentException("capacity must be positive, was " + capacity);
        }
        return ofFraction((double) stored.wattHours() / capacity.wattHours());
    }

    public double fraction() {
        return percent / 100;
    }

    /** Energy stored at this state of charge in a battery of {@code capacity}, rounded to the Wh. */
    public Energy storedIn(Energy capacity) {
        return Energy.ofWattHours(Math.round(capacity.wattHours() * fraction()));
    }

    @Override
    public int compareTo(StateOfCharge other) {
        return Double.compare(percent, other.percent);
    }
}
