package org.aems.simulators.weather;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.aems.core.time.Jst;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayedWeatherTest {

    private static final LocalDate DAY = LocalDate.of(2022, 8, 7);

    private static Instant at(LocalDate date, int hour, int minute) {
        return date.atTime(hour, minute).atZone(Jst.ZONE).toInstant();
    }

    /** Sunny until noon, then a storm: the real shape of a summer afternoon thunderstorm. */
    private static ClearSkyIndexSeries sunnyThenStorm() {
        Map<Instant, Double> samples = new TreeMap<>();
        for (int hour = 6; hour <= 17; hour++) {
            samples.put(at(DAY, hour, 30), hour < 12 ? 0.95 : 0.12);
        }
        return new ClearSkyIndexSeries(samples);
    }

    @Test
    void replaysTheRecordedCloudinessOnCoveredDatesAndTheSeededWeatherElsewhere() {
        Weather seeded = new Weather(5, Sky.CLEAR);
        ReplayedWeather weather = new ReplayedWeather(sunnyThenStorm(), seeded);
        assertThat(weather.clearSkyIndex(at(DAY, 9, 30), 0)).isBetween(0.9, 1.0);
        double afternoon = 0;
        for (int cell = 0; cell < 20; cell++) {
            afternoon += weather.clearSkyIndex(at(DAY, 14, 30), cell) / 20;
        }
        assertThat(afternoon).isBetween(0.08, 0.16);
        assertThat(weather.day(DAY).sky()).isEqualTo(Sky.PARTLY_CLOUDY);
        LocalDate other = DAY.plusDays(1);
        assertThat(weather.clearSkyIndex(at(other, 14, 30), 4)).isEqualTo(seeded.clearSkyIndex(at(other, 14, 30), 4));
        assertThat(weather.day(other)).isEqualTo(seeded.day(other));
    }

    @Test
    void theStormCoolsTheAfternoonAndBringsTheWarmestHourForward() {
        Weather seeded = new Weather(5, Sky.CLEAR);
        ReplayedWeather stormy = new ReplayedWeather(sunnyThenStorm(), seeded);
        assertThat(stormy.temperatureC(at(DAY, 15, 0))).isLessThan(seeded.temperatureC(at(DAY, 15, 0)) - 2);
        assertThat(stormy.temperatureC(at(DAY, 12, 0))).isGreaterThan(stormy.temperatureC(at(DAY, 16, 0)));
        assertThat(stormy.meanTemperatureC(DAY)).isLessThan(seeded.meanTemperatureC(DAY));
    }

    @Test
    void readsWhatItWritesAndInterpolatesBetweenSamples(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("replay.csv");
        sunnyThenStorm().write(csv);
        ClearSkyIndexSeries read = ClearSkyIndexSeries.read(csv);
        assertThat(read.dates()).containsExactly(DAY);
        assertThat(read.at(at(DAY, 11, 30))).isEqualTo(0.95);
        assertThat(read.at(at(DAY, 12, 0))).isCloseTo((0.95 + 0.12) / 2, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(read.at(at(DAY, 4, 0))).isEqualTo(0.95);
        assertThat(read.at(at(DAY, 20, 0))).isEqualTo(0.12);
    }

    @Test
    void rejectsAFileWithABadValueNamingTheLine(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "jst_time,clear_sky_index\n2022-08-07T09:00+09:00,0.5\n2022-08-07T09:30+09:00,7\n");
        assertThatThrownBy(() -> ClearSkyIndexSeries.read(csv)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 3").hasMessageContaining("0..1.5");
        Files.writeString(csv, "time,k\n");
        assertThatThrownBy(() -> ClearSkyIndexSeries.read(csv)).hasMessageContaining("jst_time,clear_sky_index");
    }
}
