package org.aems.simulators.weather;

/** The kind of day, which sets how much sun gets through and how much it flickers. */
public enum Sky {
    /** Clear sky index ~0.97, hardly varying. */
    CLEAR(0.97, 0.02),
    /** Cumulus passing: bright on average, with deep short dips. */
    PARTLY_CLOUDY(0.68, 0.22),
    /** Thick cloud: dull, slowly varying. */
    OVERCAST(0.33, 0.10),
    /** Rain: a few percent of clear sky. */
    RAIN(0.14, 0.05);

    private final double meanClearness;
    private final double variability;

    Sky(double meanClearness, double variability) {
        this.meanClearness = meanClearness;
        this.variability = variability;
    }

    /** Day mean of the clear-sky index (measured GHI ÷ clear-sky GHI). */
    public double meanClearness() {
        return meanClearness;
    }

    /** Standard deviation of the clear-sky index within the day. */
    public double variability() {
        return variability;
    }

    /** The kind of day whose mean clear-sky index is nearest to {@code clearness}. */
    public static Sky nearest(double clearness) {
        Sky best = CLEAR;
        for (Sky sky : values()) {
            if (Math.abs(sky.meanClearness - clearness) < Math.abs(best.meanClearness - clearness)) {
                best = sky;
            }
        }
        return best;
    }
}
