package org.aems.simulators.weather;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.aems.core.time.Jst;
import org.junit.jupiter.api.Test;

class ReplayedWeatherTest {

    static final LocalDate DAY = LocalDate.of(2022, 8, 7);

    static Instant at(LocalDate date, int hour, int minute) {
        return date.atTime(hour, minute).atZone(Jst.ZONE).toInstant();
    }

    /** Sunny until noon, then a storm: the real shape of a summer afternoon thunderstorm. */
    static ClearSkyIndexSeries sunnyThenStorm() {
        Map<Instant, Double> samples = new TreeMap<>();
        for (int hour = 6; hour <= 17; hour++) {
            samples.put(at(DAY, hour, 30), hour < 12 ? 0.95 : 0.12);
        }
        return new ClearSkyIndexSeries(samples);
    }

    @Test
    void replaysTheRecordedCloudinessOnCoveredDatesAndTheSeededWeatherElsewhere() {
        Weather seeded = new Weather(5, Sky.CLEAR);
        ReplayedWeather weather = new ReplayedWeather(WeatherRecord.of(sunnyThenStorm()), seeded);
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
        ReplayedWeather stormy = new ReplayedWeather(WeatherRecord.of(sunnyThenStorm()), seeded);
        assertThat(stormy.temperatureC(at(DAY, 15, 0))).isLessThan(seeded.temperatureC(at(DAY, 15, 0)) - 2);
        assertThat(stormy.temperatureC(at(DAY, 12, 0))).isGreaterThan(stormy.temperatureC(at(DAY, 16, 0)));
        assertThat(stormy.meanTemperatureC(DAY)).isLessThan(seeded.meanTemperatureC(DAY));
    }

    @Test
    void recordedTemperaturesReplaceTheSimulatedOnTheDatesTheyCoverAndTheSunshineStillDrivesTheRest() {
        Weather seeded = new Weather(5, Sky.CLEAR);
        Map<Instant, Double> hourly = new TreeMap<>();
        for (int hour = 0; hour < 24; hour++) {
            hourly.put(at(DAY, hour, 0), hour < 12 ? 24.0 : 31.0);
        }
        ReplayedWeather recorded = new ReplayedWeather(WeatherRecord.of(sunnyThenStorm()).withAir(new RecordedAirTemperature(hourly)), seeded);
        ReplayedWeather simulated = new ReplayedWeather(WeatherRecord.of(sunnyThenStorm()), seeded);

        assertThat(recorded.temperatureC(at(DAY, 9, 0))).isEqualTo(24.0);
        assertThat(recorded.temperatureC(at(DAY, 11, 30))).isCloseTo(27.5, within(1e-9)); // between 11:00 and 12:00
        assertThat(recorded.temperatureC(at(DAY, 15, 0))).isEqualTo(31.0); // the record's hot afternoon, though it stormed
        assertThat(recorded.temperatureC(at(DAY, 23, 50))).isEqualTo(31.0); // held after the last sample of the date
        assertThat(recorded.meanTemperatureC(DAY)).isCloseTo(24 + 7 * (12.5 / 24), within(0.05));
        assertThat(recorded.clearSkyIndex(at(DAY, 14, 30), 3)).isEqualTo(simulated.clearSkyIndex(at(DAY, 14, 30), 3));
        LocalDate next = DAY.plusDays(1);
        assertThat(recorded.temperatureC(at(next, 15, 0))).isEqualTo(simulated.temperatureC(at(next, 15, 0)));
        assertThat(recorded.meanTemperatureC(next)).isEqualTo(simulated.meanTemperatureC(next));
    }
}
