package org.aems.simulators.weather;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One simulated day's weather at Odawara.
 *
 * @param clearness   day-mean clear-sky index, 0..1
 * @param meanTempC   daily mean air temperature, °C
 * @param tempSwingC  difference between the afternoon maximum and the dawn minimum, °C
 */
public record DayWeather(LocalDate date, Sky sky, double clearness, double meanTempC, double tempSwingC) {
    public DayWeather {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(sky, "sky");
        if (clearness < 0 || clearness > 1.1) {
            throw new IllegalArgumentException("clearness must be within 0..1.1, was " + clearness);
        }
    }
}
