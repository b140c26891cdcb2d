package org.aems.optimizer.forecast;

import org.aems.core.time.Slot;

/** Forecasts the 48 slots of {@code day} from the history known before {@code issuedAt} (a slot start). */
public interface DayAheadForecaster {

    double[] forecast(SlotSeries history, java.time.LocalDate day, Slot issuedAt);

    String name();
}
