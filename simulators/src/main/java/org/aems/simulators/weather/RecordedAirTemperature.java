package org.aems.simulators.weather;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * Measured outdoor air temperature, °C, at given instants (e.g. JMA's hourly values for Odawara), replacing
 * the simulated air temperature on the JST dates it covers. Read and written as a column of a
 * {@link WeatherRecord}.
 */
public final class RecordedAirTemperature extends RecordedSeries {

    /** @throws IllegalArgumentException when a value lies outside −40..50 °C */
    public RecordedAirTemperature(Map<Instant, Double> samples) {
        super(samples, "air temperature", RecordedAirTemperature::problem);
    }

    /** Why {@code c} cannot be an air temperature here, or null. */
    static String problem(double c) {
        return c >= -40 && c <= 50 ? null : "air temperature must be within -40..50 °C, was " + c;
    }

    /** The day's mean, °C, over the whole day. */
    public double dayMean(LocalDate date) {
        return wholeDayMean(date);
    }
}
