package org.aems.simulators.weather;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.aems.core.time.Jst;

/**
 * A record of real weather to replay ({@link ReplayedWeather}): the region's cloudiness, its air temperature,
 * or both, each covering its own JST dates. As a CSV: a header of {@code jst_time} and one or both of the
 * columns, one row per instant, an empty cell where that column has no sample (hourly temperatures next to
 * 10-minute cloudiness):
 *
 * <pre>
 * jst_time,clear_sky_index,air_temp_c
 * 2022-08-04T06:10+09:00,0.41,
 * 2022-08-04T07:00+09:00,0.44,25.3
 * </pre>
 *
 * Lines that are empty or start with {@code #} are skipped.
 */
public record WeatherRecord(ClearSkyIndexSeries sky, RecordedAirTemperature air) {

    static final String TIME = "jst_time";
    static final String INDEX = "clear_sky_index";
    static final String AIR = "air_temp_c";
    private static final String HEADER_RULE = "the first line must be '" + TIME + "' followed by " + INDEX + " and/or " + AIR
            + ", e.g. '" + TIME + "," + INDEX + "," + AIR + "'";

    public WeatherRecord {
        Objects.requireNonNull(sky, "sky");
        Objects.requireNonNull(air, "air");
    }

    /** Cloudiness only: the air temperature stays simulated. */
    public static WeatherRecord of(ClearSkyIndexSeries sky) {
        return new WeatherRecord(sky, new RecordedAirTemperature(Map.of()));
    }

    public WeatherRecord withAir(RecordedAirTemperature recorded) {
        return new WeatherRecord(sky, recorded);
    }

    /**
     * Reads the CSV above.
     *
     * @throws IllegalArgumentException naming the file and line, when the header, a time or a value is wrong
     */
    public static WeatherRecord read(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        List<String> columns = lines.isEmpty() ? List.of() : List.of(lines.get(0).strip().split(",", -1));
        List<String> values = columns.isEmpty() ? List.of() : columns.subList(1, columns.size()).stream().map(String::strip).toList();
        if (columns.isEmpty() || !columns.get(0).strip().equals(TIME) || values.isEmpty() || values.size() > 2
                || !values.stream().allMatch(c -> c.equals(INDEX) || c.equals(AIR)) || values.stream().distinct().count() < values.size()) {
            throw new IllegalArgumentException(csv + ": " + HEADER_RULE);
        }
        Map<Instant, Double> index = new TreeMap<>();
        Map<Instant, Double> air = new TreeMap<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split(",", -1);
            try {
                if (fields.length != columns.size()) {
                    throw new IllegalArgumentException("expected " + columns.size() + " fields (" + String.join(",", columns) + "), got "
                            + fields.length);
                }
                Instant at = OffsetDateTime.parse(fields[0].strip()).toInstant();
                boolean any = false;
                for (int c = 0; c < values.size(); c++) {
                    String cell = fields[c + 1].strip();
                    if (cell.isEmpty()) {
                        continue;
                    }
                    double v = Double.parseDouble(cell);
                    boolean isIndex = values.get(c).equals(INDEX);
                    String problem = isIndex ? ClearSkyIndexSeries.problem(v) : RecordedAirTemperature.problem(v);
                    if (problem != null) {
                        throw new IllegalArgumentException(problem);
                    }
                    (isIndex ? index : air).put(at, v);
                    any = true;
                }
                if (!any) {
                    throw new IllegalArgumentException("no value, only a time");
                }
            } catch (DateTimeParseException | IllegalArgumentException e) {
                throw new IllegalArgumentException(csv + " line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return new WeatherRecord(new ClearSkyIndexSeries(index), new RecordedAirTemperature(air));
    }

    /** Writes the CSV above, times in JST, with the columns that have samples (the index when neither has). */
    public void write(Path csv) throws IOException {
        Map<Instant, Double> index = sky.samples();
        Map<Instant, Double> temperatures = air.samples();
        boolean withIndex = !index.isEmpty() || temperatures.isEmpty();
        boolean withAir = !temperatures.isEmpty();
        TreeSet<Instant> times = new TreeSet<>(index.keySet());
        times.addAll(temperatures.keySet());
        List<String> lines = new ArrayList<>(times.size() + 1);
        lines.add(TIME + (withIndex ? "," + INDEX : "") + (withAir ? "," + AIR : ""));
        for (Instant t : times) {
            StringBuilder line = new StringBuilder(t.atZone(Jst.ZONE).toOffsetDateTime().toString());
            if (withIndex) {
                line.append(',').append(index.containsKey(t) ? String.format(Locale.ROOT, "%.3f", index.get(t)) : "");
            }
            if (withAir) {
                line.append(',').append(temperatures.containsKey(t) ? String.format(Locale.ROOT, "%.1f", temperatures.get(t)) : "");
            }
            lines.add(line.toString());
        }
        Files.write(csv, lines, StandardCharsets.UTF_8);
    }
}
