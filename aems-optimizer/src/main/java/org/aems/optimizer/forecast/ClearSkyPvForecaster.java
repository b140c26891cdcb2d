package org.aems.optimizer.forecast;

import java.time.LocalDate;
import java.util.OptionalDouble;
import org.aems.core.time.Slot;

/**
 * PV day-ahead: each slot's clear-sky irradiance on the day times what the PV made of the clear sky in the
 * same slot lately (Σ actual ÷ Σ clear sky over the last {@code lookbackDays} days, a day {@code k} back
 * weighing {@code decay^(k-1)}). Per slot, that ratio holds the learned performance ratio, the panels'
 * orientation and the recent cloudiness; the clear sky carries the sun's movement to the forecast day.
 * A real irradiance forecast replaces the clear sky here when one is connected.
 */
public final class ClearSkyPvForecaster implements DayAheadForecaster {

    private static final double MIN_IRRADIANCE = 50;

    private final ClearSky sky;
    private final int lookbackDays;
    private final double decay;

    public ClearSkyPvForecaster(ClearSky sky, int lookbackDays, double decay) {
        if (lookbackDays < 1 || decay <= 0 || decay > 1) {
            throw new IllegalArgumentException("lookback must be >= 1 day and decay in (0, 1], were " + lookbackDays + " and " + decay);
        }
        this.sky = sky;
        this.lookbackDays = lookbackDays;
        this.decay = decay;
    }

    /** At this place, from the last week with each day back weighing 0.8 of the next. */
    public ClearSkyPvForecaster(ClearSky sky) {
        this(sky, 7, 0.8);
    }

    /** At Odawara. */
    public ClearSkyPvForecaster() {
        this(ClearSky.ODAWARA);
    }

    @Override
    public double[] forecast(SlotSeries history, LocalDate day, Slot issuedAt) {
        SlotSeries known = history.before(issuedAt);
        double[] result = new double[Slot.SLOTS_PER_DAY];
        for (int s = 1; s <= Slot.SLOTS_PER_DAY; s++) {
            double clearToday = sky.meanIrradiance(Slot.of(day, s));
            double actual = 0;
            double clear = 0;
            double weights = 0;
            for (int back = 1; back <= lookbackDays; back++) {
                Slot earlier = Slot.of(day.minusDays(back), s);
                OptionalDouble v = known.at(earlier);
                if (v.isEmpty()) {
                    continue;
                }
                double w = Math.pow(decay, back - 1);
                actual += w * v.getAsDouble();
                clear += w * sky.meanIrradiance(earlier);
                weights += w;
            }
            if (weights == 0) {
                continue;
            }
            // Around dawn and dusk the ratio is noise: there the recent mean itself is the forecast.
            result[s - 1] = clear / weights > MIN_IRRADIANCE ? actual / clear * clearToday : actual / weights;
        }
        return result;
    }

    @Override
    public String name() {
        return "clear sky x recent ratio (%d days, decay %.2f)".formatted(lookbackDays, decay);
    }
}
