package org.aems.simulators.weather;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/**
 * A record of real cloudiness: the region's clear-sky index (measured ÷ clear-sky irradiance) at given
 * instants, from a pyranometer, a satellite product or the PV output of the day (RealismCheck derives it
 * from TEPCO's area solar). Samples need not be evenly spaced; a JST date with at least one sample is
 * covered (see {@link DailySamples}). Read and written as a column of a {@link WeatherRecord}.
 */
public final class ClearSkyIndexSeries {

    private final DailySamples samples;

    /** @throws IllegalArgumentException when a value lies outside 0..1.5 */
    public ClearSkyIndexSeries(Map<Instant, Double> samples) {
        samples.forEach((t, k) -> {
            String problem = problem(k);
            if (problem != null) {
                throw new IllegalArgumentException(problem + " at " + t);
            }
        });
        this.samples = new DailySamples(samples, "clear-sky index");
    }

    /** Why {@code k} cannot be a clear-sky index, or null. */
    static String problem(double k) {
        return k >= 0 && k <= 1.5 ? null : "clear-sky index must be within 0..1.5, was " + k;
    }

    NavigableMap<Instant, Double> samples() {
        return samples.all();
    }

    public boolean covers(LocalDate date) {
        return samples.covers(date);
    }

    /** The dates covered, in order. */
    public List<LocalDate> dates() {
        return samples.dates();
    }

    /** @throws IllegalArgumentException when the JST date of {@code instant} is not covered */
    public double at(Instant instant) {
        return samples.at(instant);
    }

    /** Mean of the samples of {@code date}. */
    public double dayMean(LocalDate date) {
        return samples.sampleMean(date);
    }
}
