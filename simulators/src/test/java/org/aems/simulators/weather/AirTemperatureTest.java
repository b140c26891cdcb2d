package org.aems.simulators.weather;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import org.aems.core.time.Jst;
import org.junit.jupiter.api.Test;

class AirTemperatureTest {

    private static final LocalDate DAY = LocalDate.of(2022, 8, 2);
    private static final double BASE = 24;

    private static Instant at(LocalDate date, int hour, int minute) {
        return date.atTime(hour, minute).atZone(Jst.ZONE).toInstant();
    }

    /** The time of the day's maximum, searched every 5 minutes. */
    private static LocalTime warmest(AirTemperature air, LocalDate date) {
        Instant best = at(date, 0, 0);
        for (Instant t = best; t.isBefore(at(date.plusDays(1), 0, 0)); t = t.plus(Duration.ofMinutes(5))) {
            if (air.at(t) > air.at(best)) {
                best = t;
            }
        }
        return best.atZone(Jst.ZONE).toLocalTime();
    }

    @Test
    void peaksTwoHoursOrSoAfterSolarNoonOnAClearDayWithinAPlausibleSwing() {
        AirTemperature air = new AirTemperature(t -> 1.0, d -> BASE);
        LocalTime peak = warmest(air, DAY);
        // solar noon at 139.15 °E in early August is about 11:45 JST
        assertThat(peak).isBetween(LocalTime.of(13, 15), LocalTime.of(15, 0));
        double max = air.at(at(DAY, peak.getHour(), peak.getMinute()));
        double dawn = air.at(at(DAY, 5, 0));
        assertThat(max - dawn).isBetween(6.0, 11.0);
        assertThat(dawn).isBetween(BASE, BASE + 1.0);
    }

    @Test
    void staysAtTheBaseWithoutSunAndNeverFallsBelowIt() {
        AirTemperature dark = new AirTemperature(t -> 0.0, d -> BASE);
        AirTemperature clear = new AirTemperature(t -> 1.05, d -> BASE);
        for (Instant t = at(DAY, 0, 0); t.isBefore(at(DAY, 23, 59)); t = t.plus(Duration.ofMinutes(7))) {
            assertThat(dark.at(t)).isEqualTo(BASE, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(clear.at(t)).isBetween(BASE, BASE + 12);
        }
    }

    @Test
    void anAfternoonStormStopsTheWarmingAndCoolsTheAirWithALag() {
        Instant storm = at(DAY, 12, 0);
        AirTemperature clear = new AirTemperature(t -> 1.0, d -> BASE);
        AirTemperature stormy = new AirTemperature(t -> t.isBefore(storm) ? 1.0 : 0.1, d -> BASE);
        // the same until the storm, then no sudden drop: the air lets go of its heat over hours
        assertThat(stormy.at(at(DAY, 11, 50))).isEqualTo(clear.at(at(DAY, 11, 50)));
        assertThat(stormy.at(at(DAY, 12, 10))).isGreaterThan(clear.at(at(DAY, 12, 10)) - 1.0);
        assertThat(stormy.at(at(DAY, 15, 0))).isLessThan(clear.at(at(DAY, 15, 0)) - 3);
        assertThat(warmest(stormy, DAY)).isBefore(LocalTime.of(13, 0));
    }

    @Test
    void isContinuousAtMidnightWhenTheBaseChangesFromDayToDay() {
        AirTemperature air = new AirTemperature(t -> 0.8, d -> d.getDayOfMonth() % 2 == 0 ? 22.0 : 26.0);
        Instant midnight = at(DAY.plusDays(1), 0, 0);
        assertThat(air.at(midnight.minusSeconds(1))).isCloseTo(air.at(midnight), org.assertj.core.data.Offset.offset(0.01));
        assertThat(air.dayMean(DAY)).isBetween(22.0, 30.0);
    }

    @Test
    void answersTheSameWhateverWasAskedBefore() {
        Instant t = at(DAY, 14, 7);
        AirTemperature fresh = new AirTemperature(i -> 0.6, d -> BASE);
        AirTemperature used = new AirTemperature(i -> 0.6, d -> BASE);
        used.at(at(DAY.plusDays(3), 9, 0));
        used.at(at(DAY.minusDays(1), 16, 0));
        assertThat(used.at(t)).isEqualTo(fresh.at(t));
    }
}
