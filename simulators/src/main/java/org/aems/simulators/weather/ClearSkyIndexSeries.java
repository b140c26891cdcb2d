package org.aems.simulators.weather;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.aems.core.time.Jst;

/**
 * A record of real cloudiness: the region's clear-sky index (measured ÷ clear-sky irradiance) at given
 * instants, from a pyranometer, a satellite product or the PV output of the day (RealismCheck derives it
 * from TEPCO's area solar). The CSV has a header and one row per sample:
 *
 * <pre>
 * jst_time,clear_sky_index
 * 2022-08-04T06:15+09:00,0.41
 * </pre>
 *
 * Samples need not be evenly spaced. A JST date with at least one sample is covered: within it the index
 * is interpolated linearly between samples and held flat before the first and after the last one.
 */
public final class ClearSkyIndexSeries {

    static final String HEADER = "jst_time,clear_sky_index";

    private final NavigableMap<Instant, Double> samples;
    private final Map<LocalDate, NavigableMap<Instant, Double>> byDate = new TreeMap<>();

    /** @throws IllegalArgumentException when a value lies outside 0..1.5 */
    public ClearSkyIndexSeries(Map<Instant, Double> samples) {
        this.samples = new TreeMap<>(samples);
        this.samples.forEach((t, k) -> {
            if (!(k >= 0 && k <= 1.5)) {
                throw new IllegalArgumentException("clear-sky index must be within 0..1.5, was " + k + " at " + t);
            }
            byDate.computeIfAbsent(t.atZone(Jst.ZONE).toLocalDate(), d -> new TreeMap<>()).put(t, k);
        });
    }

    /**
     * Reads the CSV above.
     *
     * @throws IllegalArgumentException naming the line, when the header, a time or a value is wrong
     */
    public static ClearSkyIndexSeries read(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).strip().equals(HEADER)) {
            throw new IllegalArgumentException(csv + ": the first line must be '" + HEADER + "'");
        }
        Map<Instant, Double> samples = new TreeMap<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split(",");
            try {
                if (fields.length != 2) {
                    throw new IllegalArgumentException("expected 2 fields, got " + fields.length);
                }
                double k = Double.parseDouble(fields[1].strip());
                if (!(k >= 0 && k <= 1.5)) {
                    throw new IllegalArgumentException("clear-sky index must be within 0..1.5, was " + k);
                }
                samples.put(OffsetDateTime.parse(fields[0].strip()).toInstant(), k);
            } catch (DateTimeParseException | IllegalArgumentException e) {
                throw new IllegalArgumentException(csv + " line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return new ClearSkyIndexSeries(samples);
    }

    /** Writes the CSV above, times in JST. */
    public void write(Path csv) throws IOException {
        List<String> lines = new ArrayList<>(samples.size() + 1);
        lines.add(HEADER);
        samples.forEach((t, k) -> lines.add(t.atZone(Jst.ZONE).toOffsetDateTime() + String.format(Locale.ROOT, ",%.3f", k)));
        Files.write(csv, lines, StandardCharsets.UTF_8);
    }

    public boolean covers(LocalDate date) {
        return byDate.containsKey(date);
    }

    /** The dates covered, in order. */
    public List<LocalDate> dates() {
        return List.copyOf(byDate.keySet());
    }

    /** @throws IllegalArgumentException when the JST date of {@code instant} is not covered */
    public double at(Instant instant) {
        NavigableMap<Instant, Double> day = date(instant.atZone(Jst.ZONE).toLocalDate());
        Map.Entry<Instant, Double> before = day.floorEntry(instant);
        Map.Entry<Instant, Double> after = day.ceilingEntry(instant);
        if (before == null) {
            return after.getValue();
        }
        if (after == null || after.getKey().equals(before.getKey())) {
            return before.getValue();
        }
        double f = (double) (instant.toEpochMilli() - before.getKey().toEpochMilli())
                / (after.getKey().toEpochMilli() - before.getKey().toEpochMilli());
        return before.getValue() + (after.getValue() - before.getValue()) * f;
    }

    /** Mean of the samples of {@code date}. */
    public double dayMean(LocalDate date) {
        return date(date).values().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    private NavigableMap<Instant, Double> date(LocalDate date) {
        NavigableMap<Instant, Double> day = byDate.get(date);
        if (day == null) {
            throw new IllegalArgumentException("no clear-sky index recorded on " + date);
        }
        return day;
    }
}
