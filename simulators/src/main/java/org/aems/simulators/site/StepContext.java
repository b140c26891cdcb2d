package org.aems.simulators.site;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Objects;
import org.aems.core.time.Jst;
import org.aems.simulators.load.WorkCalendar;
import org.aems.simulators.pv.SolarPosition;
import org.aems.simulators.weather.WeatherSource;

/**
 * What every site shares in one step: the step (from, to], the sun, the JST day and hour, the air
 * temperature and the temperature buildings feel. Computed once per step for the whole region.
 */
public record StepContext(Instant from, Instant to, double hours, SolarPosition.Sun sun, LocalDate day, boolean workday,
                          boolean schoolBreak, double hourOfDay, double airTempC, double feltTempC, WeatherSource weather) {

    public StepContext {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(weather, "weather");
    }

    /** The step of length {@code step} ending at {@code to}; physics take values at the step's middle. */
    public static StepContext of(Instant to, Duration step, WeatherSource weather) {
        Instant from = to.minus(step);
        Instant middle = to.minus(step.dividedBy(2));
        ZonedDateTime local = middle.atZone(Jst.ZONE);
        LocalDate day = local.toLocalDate();
        double hour = local.getHour() + local.getMinute() / 60.0 + local.getSecond() / 3600.0;
        return new StepContext(from, to, step.toMillis() / 3_600_000.0,
                SolarPosition.at(middle, SolarPosition.ODAWARA_LATITUDE, SolarPosition.ODAWARA_LONGITUDE), day,
                WorkCalendar.isWorkday(day), WorkCalendar.isSchoolBreak(day), hour, weather.temperatureC(middle),
                felt(middle, day, weather), weather);
    }

    /**
     * The temperature buildings feel, °C: walls and rooms lag the air by about 45 minutes and keep part of
     * the day's mean (a tropical night keeps the air conditioner on).
     */
    static double felt(Instant at, LocalDate day, WeatherSource weather) {
        return 0.6 * weather.temperatureC(at.minus(BUILDING_LAG)) + 0.4 * weather.meanTemperatureC(day);
    }

    private static final Duration BUILDING_LAG = Duration.ofMinutes(45);

    public Instant middle() {
        return Instant.ofEpochMilli((from.toEpochMilli() + to.toEpochMilli()) / 2);
    }
}
