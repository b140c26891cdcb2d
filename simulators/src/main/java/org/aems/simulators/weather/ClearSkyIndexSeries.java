package org.aems.simulators.weather;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * A record of real cloudiness: the region's clear-sky index (measured ÷ clear-sky irradiance) at given
 * instants, from a pyranometer, a satellite product or the PV output of the day (RealismCheck derives it
 * from TEPCO's area solar). Read and written as a column of a {@link WeatherRecord}.
 */
public final class ClearSkyIndexSeries extends RecordedSeries {

    /** @throws IllegalArgumentException when a value lies outside 0..1.5 */
    public ClearSkyIndexSeries(Map<Instant, Double> samples) {
        super(samples, "clear-sky index", ClearSkyIndexSeries::problem);
    }

    /** Why {@code k} cannot be a clear-sky index, or null. */
    static String problem(double k) {
        return k >= 0 && k <= 1.5 ? null : "clear-sky index must be within 0..1.5, was " + k;
    }

    /** Mean of the samples of {@code date}: how clear its daylight hours were. */
    public double dayMean(LocalDate date) {
        return sampleMean(date);
    }
}
