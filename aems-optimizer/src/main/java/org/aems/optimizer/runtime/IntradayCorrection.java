package org.aems.optimizer.runtime;

import java.util.OptionalDouble;

/**
 * Corrects the first hours of a day-ahead forecast by how the last completed slot came out against it (a
 * nowcast). A profile or clear-sky-ratio forecast knows the average day; on a clear day after a cloudy week it
 * under-forecasts PV all morning, and a plan made on it under-curtails and lets reverse flow through. The
 * ratio actual ÷ forecast of the slot just measured scales the horizon, fading back to the forecast with a
 * half-life of {@code halfLifeSlots}.
 */
public record IntradayCorrection(double halfLifeSlots, double minRatio, double maxRatio, double minShareOfPeak) {

    /** Fades over ~2 h; trusts a slot only if it carried at least 5 % of the day's forecast peak. */
    public static final IntradayCorrection DEFAULT = new IntradayCorrection(4, 0.2, 3.0, 0.05);

    /**
     * @param forecast     the horizon's values, first slot = the slot under way
     * @param lastForecast what the same forecast said for the slot just completed
     * @param lastActual   what was measured in it, if known
     */
    public double[] apply(double[] forecast, double lastForecast, OptionalDouble lastActual) {
        return apply(forecast, lastForecast, lastActual, false);
    }

    /**
     * @param lowerBound the measurement is only a lower bound of the truth (PV under our limits): it may raise the
     *                   forecast but not lower it, or the plan would learn its own curtailment as clouds and curtail more
     */
    public double[] apply(double[] forecast, double lastForecast, OptionalDouble lastActual, boolean lowerBound) {
        double peak = 0;
        for (double v : forecast) {
            peak = Math.max(peak, Math.abs(v));
        }
        if (lastActual.isEmpty() || Math.abs(lastForecast) < minShareOfPeak * Math.max(peak, Math.abs(lastForecast)) || lastForecast == 0) {
            return forecast;
        }
        double ratio = Math.max(lowerBound ? 1 : minRatio, Math.min(maxRatio, lastActual.getAsDouble() / lastForecast));
        double[] corrected = new double[forecast.length];
        for (int t = 0; t < forecast.length; t++) {
            corrected[t] = forecast[t] * (1 + (ratio - 1) * Math.pow(0.5, t / halfLifeSlots));
        }
        return corrected;
    }
}
