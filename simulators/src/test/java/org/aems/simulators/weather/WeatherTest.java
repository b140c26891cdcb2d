package org.aems.simulators.weather;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.aems.core.time.Jst;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.junit.jupiter.api.Test;

class WeatherTest {

    @Test
    void nearbyCellsSeeMoreAlikeCloudsThanDistantOnes() {
        Weather weather = new Weather(42, Sky.PARTLY_CLOUDY);
        Instant start = LocalDate.of(2026, 7, 1).atTime(9, 0).atZone(Jst.ZONE).toInstant();
        int n = 6 * 60;
        double[][] cells = new double[3][n];
        for (int i = 0; i < n; i++) {
            Instant t = start.plus(Duration.ofMinutes(i));
            cells[0][i] = weather.clearSkyIndex(t, 0);
            cells[1][i] = weather.clearSkyIndex(t, 1);
            cells[2][i] = weather.clearSkyIndex(t, 19);
        }
        double near = new PearsonsCorrelation().correlation(cells[0], cells[1]);
        double far = new PearsonsCorrelation().correlation(cells[0], cells[2]);
        assertThat(near).isGreaterThan(0.5).isGreaterThan(far);
    }

    @Test
    void isTheSameForTheSameSeedAndHonoursForcedDays() {
        LocalDate day = LocalDate.of(2026, 6, 20);
        assertThat(new Weather(7).day(day)).isEqualTo(new Weather(7).day(day));
        assertThat(new Weather(7, Map.of(day, Sky.RAIN)).day(day).sky()).isEqualTo(Sky.RAIN);
        Instant noon = day.atTime(12, 0).atZone(Jst.ZONE).toInstant();
        assertThat(new Weather(7, Sky.CLEAR).clearSkyIndex(noon, 3)).isGreaterThan(0.9);
    }

    @Test
    void isWarmerInAugustAfternoonsThanOnJanuaryMornings() {
        Weather weather = new Weather(3);
        double august = weather.temperatureC(LocalDate.of(2026, 8, 5).atTime(14, 0).atZone(Jst.ZONE).toInstant());
        double january = weather.temperatureC(LocalDate.of(2026, 1, 15).atTime(6, 0).atZone(Jst.ZONE).toInstant());
        assertThat(august).isBetween(26.0, 38.0);
        assertThat(january).isBetween(-3.0, 8.0);
    }
}
