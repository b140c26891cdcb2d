package org.aems.simulators.weather;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One simulated day's weather at Odawara.
 *
 * @param clearness  day-mean clear-sky index, 0..1.1
 * @param baseTempC  the air temperature the night falls back to without the sun's heat (roughly the dawn
 *                   minimum), °C; the sun adds to it through {@link AirTemperature}
 */
public record DayWeather(LocalDate date, Sky sky, double clearness, double baseTempC) {
    public DayWeather {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(sky, "sky");
        if (clearness < 0 || clearness > 1.1) {
            throw new IllegalArgumentException("clearness must be within 0..1.1, was " + clearness);
        }
    }
}
