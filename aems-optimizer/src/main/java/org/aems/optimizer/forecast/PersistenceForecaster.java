package org.aems.optimizer.forecast;

import java.time.LocalDate;
import java.util.OptionalDouble;
import org.aems.core.time.Slot;

/** The naive reference: each slot as it was the last time it was seen before the forecast was issued. */
public final class PersistenceForecaster implements DayAheadForecaster {

    @Override
    public double[] forecast(SlotSeries history, LocalDate day, Slot issuedAt) {
        SlotSeries known = history.before(issuedAt);
        double[] result = new double[Slot.SLOTS_PER_DAY];
        for (int s = 1; s <= Slot.SLOTS_PER_DAY; s++) {
            for (int back = 1; back <= 7; back++) {
                OptionalDouble v = known.at(Slot.of(day.minusDays(back), s));
                if (v.isPresent()) {
                    result[s - 1] = v.getAsDouble();
                    break;
                }
            }
        }
        return result;
    }

    @Override
    public String name() {
        return "persistence (same slot, last day seen)";
    }
}
