package org.aems.optimizer.runtime;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.aems.core.time.Slot;
import org.aems.optimizer.forecast.DayAheadForecaster;
import org.aems.optimizer.forecast.SlotSeries;

/**
 * A forecast over a horizon of slots from any history (a feeder's, a site's): the day-ahead forecast of each day the
 * horizon touches, issued at its first slot, then corrected for the first hours by how the slot just measured came out
 * against the same forecast ({@link IntradayCorrection}). The one path plans and the forecast API both take.
 */
public record HorizonForecast(IntradayCorrection correction) {

    /**
     * @param heldBack whether our own limits held back an unmeasured amount of the last measured slot's PV (the history
     *                 already has the plans' curtailment added back), so the correction does not learn it as weather
     */
    public double[] over(DayAheadForecaster forecaster, SlotSeries history, List<Slot> slots, HeldBack heldBack) {
        Slot issuedAt = slots.get(0);
        Map<LocalDate, double[]> days = new HashMap<>();
        double[] values = new double[slots.size()];
        for (int t = 0; t < slots.size(); t++) {
            Slot slot = slots.get(t);
            values[t] = days.computeIfAbsent(slot.date(), day -> forecaster.forecast(history, day, issuedAt))[slot.index() - 1];
        }
        Slot last = issuedAt.previous();
        double lastForecast = days.computeIfAbsent(last.date(), day -> forecaster.forecast(history, day, issuedAt))[last.index() - 1];
        OptionalDouble measured = history.at(last);
        return correction.apply(values, lastForecast, measured, heldBack.capped());
    }
}
