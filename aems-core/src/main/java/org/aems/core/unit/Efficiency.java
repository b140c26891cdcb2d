package org.aems.core.unit;

/** A conversion efficiency, 0 < fraction <= 1 (e.g. a battery's one-way charge efficiency). */
public record Efficiency(double fraction) {

    public Efficiency {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("efficiency must be a fraction within (0, 1], was " + fraction);
        }
    }

    public static Efficiency of(double fraction) {
        return new Efficiency(fraction);
    }

    public static Efficiency ofPercent(double percent) {
        return new Efficiency(percent / 100);
    }
}
