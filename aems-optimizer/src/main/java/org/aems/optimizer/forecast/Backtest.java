package org.aems.optimizer.forecast;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.aems.core.time.Slot;

/**
 * Day-ahead backtest: for every whole day after {@code warmupDays}, each forecaster predicts the day from
 * history known at 12:00 JST the day before (when the plan is due), and its errors are collected per
 * horizon: the day's four quarters are 12.5–18, 18.5–24, 24.5–30 and 30.5–36 hours after issue.
 */
public final class Backtest {

    /** Mean absolute error and the same normalised by the mean actual value, for one horizon band. */
    public record HorizonError(String horizon, double mae, double nmae, int slots) {
    }

    public record Result(String forecaster, List<HorizonError> horizons, HorizonError overall, int days) {
    }

    static final String[] BANDS = {"12.5-18 h", "18.5-24 h", "24.5-30 h", "30.5-36 h"};

    private final int warmupDays;

    public Backtest(int warmupDays) {
        this.warmupDays = warmupDays;
    }

    public Result run(SlotSeries actual, DayAheadForecaster forecaster) {
        double[] absError = new double[BANDS.length];
        double[] actualSum = new double[BANDS.length];
        int[] count = new int[BANDS.length];
        int days = 0;
        for (LocalDate day = actual.firstDay().plusDays(warmupDays); !day.isAfter(actual.lastDay()); day = day.plusDays(1)) {
            double[] truth = wholeDay(actual, day);
            if (truth == null) {
                continue;
            }
            double[] predicted = forecaster.forecast(actual, day, Slot.of(day.minusDays(1), 25));
            for (int s = 0; s < Slot.SLOTS_PER_DAY; s++) {
                int band = s / 12;
                absError[band] += Math.abs(predicted[s] - truth[s]);
                actualSum[band] += truth[s];
                count[band]++;
            }
            days++;
        }
        List<HorizonError> bands = new ArrayList<>();
        double allError = 0;
        double allActual = 0;
        int all = 0;
        for (int b = 0; b < BANDS.length; b++) {
            bands.add(error(BANDS[b], absError[b], actualSum[b], count[b]));
            allError += absError[b];
            allActual += actualSum[b];
            all += count[b];
        }
        return new Result(forecaster.name(), bands, error("all", allError, allActual, all), days);
    }

    private static HorizonError error(String horizon, double absError, double actualSum, int n) {
        double mae = n == 0 ? Double.NaN : absError / n;
        double mean = n == 0 ? Double.NaN : actualSum / n;
        return new HorizonError(horizon, mae, mean == 0 ? Double.NaN : mae / mean, n);
    }

    private static double[] wholeDay(SlotSeries series, LocalDate day) {
        double[] values = new double[Slot.SLOTS_PER_DAY];
        for (int s = 1; s <= Slot.SLOTS_PER_DAY; s++) {
            OptionalDouble v = series.at(Slot.of(day, s));
            if (v.isEmpty()) {
                return null;
            }
            values[s - 1] = v.getAsDouble();
        }
        return values;
    }
}
