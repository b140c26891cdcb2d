package org.aems.simulators.weather;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.DoubleFunction;
import org.aems.core.time.Jst;

/**
 * Values of one quantity recorded at instants, grouped by JST date. A date with at least one sample is
 * covered: within it a value is interpolated linearly between samples and held flat before the first and
 * after the last one, so one date's record never leaks into the next. Samples need not be evenly spaced.
 */
abstract class RecordedSeries {

    private final NavigableMap<Instant, Double> all;
    private final Map<LocalDate, NavigableMap<Instant, Double>> byDate = new TreeMap<>();
    private final String what;

    /**
     * @param what    what the values are, for the message when a date is not covered
     * @param problem why a value cannot be one of these, or null when it can
     * @throws IllegalArgumentException with the problem and the instant of the first bad value
     */
    RecordedSeries(Map<Instant, Double> samples, String what, DoubleFunction<String> problem) {
        this.all = new TreeMap<>(samples);
        this.what = what;
        all.forEach((t, v) -> {
            String wrong = problem.apply(v);
            if (wrong != null) {
                throw new IllegalArgumentException(wrong + " at " + t);
            }
            byDate.computeIfAbsent(t.atZone(Jst.ZONE).toLocalDate(), d -> new TreeMap<>()).put(t, v);
        });
    }

    final NavigableMap<Instant, Double> samples() {
        return Collections.unmodifiableNavigableMap(all);
    }

    public final boolean covers(LocalDate date) {
        return byDate.containsKey(date);
    }

    /** The dates covered, in order. */
    public final List<LocalDate> dates() {
        return List.copyOf(byDate.keySet());
    }

    /** The value at {@code instant}. @throws IllegalArgumentException when its JST date is not covered */
    public final double at(Instant instant) {
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
    final double sampleMean(LocalDate date) {
        return date(date).values().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    /** Mean over the whole JST day of the interpolated value, on a 10-minute grid (uneven sampling weighs nothing). */
    final double wholeDayMean(LocalDate date) {
        date(date);
        Instant midnight = date.atStartOfDay(Jst.ZONE).toInstant();
        double sum = 0;
        for (int k = 0; k < 144; k++) {
            sum += at(midnight.plusSeconds(600L * k + 300));
        }
        return sum / 144;
    }

    private NavigableMap<Instant, Double> date(LocalDate date) {
        NavigableMap<Instant, Double> day = byDate.get(date);
        if (day == null) {
            throw new IllegalArgumentException("no " + what + " recorded on " + date);
        }
        return day;
    }
}
