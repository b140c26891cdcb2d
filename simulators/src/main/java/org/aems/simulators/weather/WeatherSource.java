package org.aems.simulators.weather;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The weather the region's physics run under: how much sun gets through the clouds and how warm the air
 * is. {@link Weather} draws it from a seed; {@link ReplayedWeather} replays a real day's cloudiness (from
 * an irradiance or PV record) and lets the same air-temperature physics follow it.
 *
 * <p>Every method is a pure function of its arguments for a given source, so that a run is the same
 * whatever the step size, the order of the questions or the thread that asks them.
 */
public interface WeatherSource {

    /** The kind of day and its mean clear-sky index. */
    DayWeather day(LocalDate date);

    /**
     * Clear-sky index at {@code instant} for a site in cloud {@code cell}: measured ÷ clear-sky global
     * irradiance, 0.03..1.05 (just above 1 when cloud edges reflect extra light).
     */
    double clearSkyIndex(Instant instant, int cell);

    /** Outdoor air temperature, °C. */
    double temperatureC(Instant instant);

    /** The mean of {@link #temperatureC} over the JST day, °C. */
    double meanTemperatureC(LocalDate date);
}
