package org.aems.simulators.weather;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/**
 * Measured outdoor air temperature at given instants (e.g. JMA's hourly values for Odawara), replacing the
 * simulated air temperature on the JST dates it covers (see {@link DailySamples}). Read and written as a
 * column of a {@link WeatherRecord}.
 */
public final class RecordedAirTemperature {

    static final double MIN_C = -40;
    static final double MAX_C = 50;

    private final DailySamples samples;

    /** @throws IllegalArgumentException when a value lies outside −40..50 °C */
    public RecordedAirTemperature(Map<Instant, Double> samples) {
        samples.forEach((t, c) -> {
            String problem = problem(c);
            if (problem != null) {
                throw new IllegalArgumentException(problem + " at " + t);
            }
        });
        this.samples = new DailySamples(samples, "air temperature");
    }

    /** Why {@code c} cannot be an air temperature here, or null. */
    static String problem(double c) {
        return c >= MIN_C && c <= MAX_C ? null : "air temperature must be within -40..50 °C, was " + c;
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

    /** °C at {@code instant}. @throws IllegalArgumentException when its JST date is not covered */
    public double at(Instant instant) {
        return samples.at(instant);
    }

    /** The day's mean, °C, over the whole day. */
    public double dayMean(LocalDate date) {
        return samples.dayMean(date);
    }
}
