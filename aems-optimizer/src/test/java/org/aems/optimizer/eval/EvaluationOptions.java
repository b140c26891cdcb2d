package org.aems.optimizer.eval;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.aems.optimizer.runtime.TimeOfDayPrices;
import org.aems.simulators.weather.Sky;
import picocli.CommandLine.Option;

/** What both evaluations are run on: the seed, the days and the imbalance price (a picocli mixin). */
final class EvaluationOptions {

    /** A day to evaluate and the sky forced on it. */
    record Day(LocalDate date, Sky sky) {
    }

    @Option(names = "--seed", defaultValue = "20261123", description = "random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--day", split = ",", description = "DATE:SKY days to evaluate (default: a sunny spring Sunday, a rainy June "
            + "weekday, a winter weekday)")
    List<String> days = List.of("2026-05-10:CLEAR", "2026-06-17:RAIN", "2026-01-21:PARTLY_CLOUDY");

    @Option(names = "--imbalance-factor", defaultValue = "1.5", description = "imbalance price = this × the slot's purchase price "
            + "(default: ${DEFAULT-VALUE})")
    double imbalanceFactor;

    /** The days to evaluate; empty after printing what is wrong with a {@code --day} (the command then exits 2). */
    List<Day> daysOrExplain() {
        try {
            return days.stream().map(EvaluationOptions::day).toList();
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return List.of();
        }
    }

    private static Day day(String spec) {
        String[] parts = spec.split(":");
        try {
            return new Day(LocalDate.parse(parts[0]), Sky.valueOf(parts[1]));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("--day " + spec + ": expected DATE:SKY, e.g. 2026-05-10:CLEAR; SKY one of "
                    + java.util.Arrays.toString(Sky.values()));
        }
    }

    /** The runtime's time-of-day prices with this imbalance factor. */
    TimeOfDayPrices prices() {
        return new TimeOfDayPrices(TimeOfDayPrices.DEFAULT.purchase(), TimeOfDayPrices.DEFAULT.sale(), BigDecimal.valueOf(imbalanceFactor));
    }
}
