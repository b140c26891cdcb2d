package org.aems.simulators.weather;

import static org.aems.simulators.weather.ReplayedWeatherTest.DAY;
import static org.aems.simulators.weather.ReplayedWeatherTest.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WeatherRecordTest {

    @TempDir
    Path dir;

    private Path file(String text) throws IOException {
        Path csv = dir.resolve("weather.csv");
        Files.writeString(csv, text);
        return csv;
    }

    @Test
    void readsWhatItWritesAndInterpolatesBetweenSamples() throws IOException {
        Path csv = dir.resolve("replay.csv");
        WeatherRecord.of(ReplayedWeatherTest.sunnyThenStorm()).write(csv);
        assertThat(Files.readAllLines(csv).get(0)).isEqualTo("jst_time,clear_sky_index");
        ClearSkyIndexSeries read = WeatherRecord.read(csv).sky();
        assertThat(read.dates()).containsExactly(DAY);
        assertThat(read.at(at(DAY, 11, 30))).isEqualTo(0.95);
        assertThat(read.at(at(DAY, 12, 0))).isCloseTo((0.95 + 0.12) / 2, within(1e-9));
        assertThat(read.at(at(DAY, 4, 0))).isEqualTo(0.95);
        assertThat(read.at(at(DAY, 20, 0))).isEqualTo(0.12);
        assertThat(WeatherRecord.read(csv).air().dates()).isEmpty();
    }

    @Test
    void hourlyTemperaturesNextToTenMinuteCloudinessLeaveEmptyCellsAndSurviveARoundTrip() throws IOException {
        WeatherRecord record = WeatherRecord.read(file("""
                jst_time,clear_sky_index,air_temp_c
                # JMA hourly temperature, cloudiness every 10 minutes
                2022-08-07T09:00+09:00,0.80,27.1
                2022-08-07T09:10+09:00,0.70,
                2022-08-07T09:20+09:00,0.60,

                2022-08-07T10:00+09:00,,28.3
                2022-08-08T10:00+09:00,,30.0
                """));
        assertThat(record.sky().dates()).containsExactly(DAY);
        assertThat(record.sky().at(at(DAY, 9, 10))).isEqualTo(0.70);
        assertThat(record.air().dates()).containsExactly(DAY, DAY.plusDays(1));
        assertThat(record.air().at(at(DAY, 9, 30))).isCloseTo(27.7, within(1e-9));

        Path copy = dir.resolve("copy.csv");
        record.write(copy);
        assertThat(Files.readAllLines(copy)).containsExactly(
                "jst_time,clear_sky_index,air_temp_c",
                "2022-08-07T09:00+09:00,0.800,27.1",
                "2022-08-07T09:10+09:00,0.700,",
                "2022-08-07T09:20+09:00,0.600,",
                "2022-08-07T10:00+09:00,,28.3",
                "2022-08-08T10:00+09:00,,30.0");
    }

    @Test
    void aTemperatureOnlyFileLeavesTheSkyToTheSeededWeather() throws IOException {
        WeatherRecord record = WeatherRecord.read(file("jst_time,air_temp_c\n2022-08-07T14:00+09:00,33.4\n"));
        assertThat(record.sky().dates()).isEmpty();
        assertThat(record.air().at(at(DAY, 3, 0))).isEqualTo(33.4);
        Weather seeded = new Weather(5, Sky.CLEAR);
        ReplayedWeather weather = new ReplayedWeather(record, seeded);
        Instant afternoon = at(DAY, 14, 30);
        assertThat(weather.clearSkyIndex(afternoon, 2)).isEqualTo(seeded.clearSkyIndex(afternoon, 2));
        assertThat(weather.temperatureC(afternoon)).isEqualTo(33.4);
    }

    @Test
    void rejectsABadValueNamingTheFileTheLineAndTheRange() throws IOException {
        Path csv = file("jst_time,clear_sky_index\n2022-08-07T09:00+09:00,0.5\n2022-08-07T09:30+09:00,7\n");
        assertThatThrownBy(() -> WeatherRecord.read(csv)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(csv + " line 3: clear-sky index must be within 0..1.5, was 7.0");
        Path hot = file("jst_time,clear_sky_index,air_temp_c\n2022-08-07T09:00+09:00,0.5,31\n2022-08-07T10:00+09:00,0.5,310\n");
        assertThatThrownBy(() -> WeatherRecord.read(hot))
                .hasMessage(hot + " line 3: air temperature must be within -40..50 °C, was 310.0");
    }

    @Test
    void rejectsARowThatDoesNotFitTheHeaderOrHasNoValue() throws IOException {
        Path shortRow = file("jst_time,clear_sky_index,air_temp_c\n2022-08-07T09:00+09:00,0.5\n");
        assertThatThrownBy(() -> WeatherRecord.read(shortRow))
                .hasMessage(shortRow + " line 2: expected 3 fields (jst_time,clear_sky_index,air_temp_c), got 2");
        Path empty = file("jst_time,clear_sky_index,air_temp_c\n2022-08-07T09:00+09:00,,\n");
        assertThatThrownBy(() -> WeatherRecord.read(empty)).hasMessage(empty + " line 2: no value, only a time");
        Path noZone = file("jst_time,air_temp_c\n2022-08-07T09:00,25\n");
        assertThatThrownBy(() -> WeatherRecord.read(noZone)).hasMessageStartingWith(noZone + " line 2: Text '2022-08-07T09:00'");
    }

    @Test
    void rejectsAHeaderItDoesNotKnowSayingWhatItWants() throws IOException {
        String rule = ": the first line must be 'jst_time' followed by clear_sky_index and/or air_temp_c, "
                + "e.g. 'jst_time,clear_sky_index,air_temp_c'";
        for (String header : new String[] {"time,k", "jst_time", "jst_time,temperature", "jst_time,air_temp_c,air_temp_c", ""}) {
            Path csv = file(header + "\n");
            assertThatThrownBy(() -> WeatherRecord.read(csv)).as(header).hasMessage(csv + rule);
        }
    }

    @Test
    void recordsNothingFromAnEmptyMap() {
        assertThat(new RecordedAirTemperature(Map.of()).dates()).isEmpty();
        assertThatThrownBy(() -> new RecordedAirTemperature(Map.of(at(DAY, 1, 0), -41.0)))
                .hasMessageStartingWith("air temperature must be within -40..50 °C, was -41.0 at ");
    }
}
