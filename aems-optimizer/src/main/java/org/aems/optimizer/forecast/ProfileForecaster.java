package org.aems.optimizer.forecast;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.OptionalDouble;
import org.aems.core.time.JapaneseHolidays;
import org.aems.core.time.Slot;

/**
 * Slot-of-day profile by day type with recency weighting (issue #5's demand forecast): each slot is the
 * weighted mean of the same slot on earlier days of the same type (workday or weekend) within
 * {@code lookbackDays}, a day {@code k} days back weighing {@code decay^(k-1)}. Falls back to all day
 * types when no day of the same type is known. Japanese public holidays count as weekend days.
 */
public final class ProfileForecaster implements DayAheadForecaster {

    private final int lookbackDays;
    private final double decay;

    public ProfileForecaster(int lookbackDays, double decay) {
        if (lookbackDays < 1 || decay <= 0 || decay > 1) {
            throw new IllegalArgumentException("lookback must be >= 1 day and decay in (0, 1], were " + lookbackDays + " and " + decay);
        }
        this.lookbackDays = lookbackDays;
        this.decay = decay;
    }

    public ProfileForecaster() {
        this(28, 0.85);
    }

    @Override
    public double[] forecast(SlotSeries history, LocalDate day, Slot issuedAt) {
        SlotSeries known = history.before(issuedAt);
        double[] result = new double[Slot.SLOTS_PER_DAY];
        for (int s = 1; s <= Slot.SLOTS_PER_DAY; s++) {
            OptionalDouble sameType = weightedMean(known, day, s, true);
            result[s - 1] = sameType.isPresent() ? sameType.getAsDouble() : weightedMean(known, day, s, false).orElse(0);
        }
        return result;
    }

    private OptionalDouble weightedMean(SlotSeries known, LocalDate day, int slot, boolean sameTypeOnly) {
        double sum = 0;
        double weights = 0;
        boolean dayIsWeekend = sameTypeOnly && weekend(day);
        for (int back = 1; back <= lookbackDays; back++) {
            LocalDate earlier = day.minusDays(back);
            if (sameTypeOnly && weekend(earlier) != dayIsWeekend) {
                continue;
            }
            OptionalDouble v = known.at(Slot.of(earlier, slot));
            if (v.isPresent()) {
                double w = Math.pow(decay, back - 1);
                sum += w * v.getAsDouble();
                weights += w;
            }
        }
        return weights == 0 ? OptionalDouble.empty() : OptionalDouble.of(sum / weights);
    }

    private static boolean weekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY
                || JapaneseHolidays.bundled().isHoliday(day);
    }

    @Override
    public String name() {
        return "profile (day type, %d days, decay %.2f)".formatted(lookbackDays, decay);
    }
}
