package org.aems.simulators.weather;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;
import org.aems.core.time.Jst;
import org.aems.simulators.pv.SolarPosition;

/**
 * Air temperature as a first-order response to the sun. The ground and the air above it store the day's
 * irradiance and give it back with a lag, so the afternoon maximum comes two to three hours after solar
 * noon, and a cloudy afternoon stops the warming:
 *
 * <pre>
 *   T(t) = base(t) + GAIN × L(t),     τ · dL/dt = G(t) − L(t)
 * </pre>
 *
 * where G is the region's global horizontal irradiance (clear-sky GHI × the regional clear-sky index),
 * L its lagged value and base the day's {@link DayWeather#baseTempC()} interpolated between noons, so
 * nothing jumps at midnight. With τ = 2.5 h and GAIN = 0.011 K per W/m², a clear August day at Odawara
 * peaks around 14:00 JST about 8 K above its night (JMA Odawara normals: August mean maximum 30.7 °C,
 * minimum 23.8 °C, with cloudy days in the mean).
 *
 * <p>Deterministic: each JST day is integrated on a fixed 10-minute grid from 24 hours before its start,
 * so the answer does not depend on the step size or on which instants were asked before.
 */
final class AirTemperature {

    /** How long the air takes to follow a change of sunshine (ground and boundary layer storage). */
    static final Duration TIME_CONSTANT = Duration.ofMinutes(150);
    /** Warming per W/m² of lagged irradiance, K. */
    static final double GAIN_C_PER_W = 0.011;
    private static final int KNOT_MINUTES = 10;
    private static final int KNOTS_PER_DAY = 24 * 60 / KNOT_MINUTES;
    /** A day of spin-up: ten time constants, so what came before it is forgotten. */
    private static final int SPIN_UP_KNOTS = KNOTS_PER_DAY;

    private final ToDoubleFunction<Instant> regionalIndex;
    private final ToDoubleFunction<LocalDate> baseTempC;
    private final Map<LocalDate, double[]> days = new ConcurrentHashMap<>();

    /**
     * @param regionalIndex the clear-sky index of the region as a whole (no local flicker) at an instant
     * @param baseTempC     a day's {@link DayWeather#baseTempC()}
     */
    AirTemperature(ToDoubleFunction<Instant> regionalIndex, ToDoubleFunction<LocalDate> baseTempC) {
        this.regionalIndex = regionalIndex;
        this.baseTempC = baseTempC;
    }

    /** Air temperature at {@code instant}, °C. */
    double at(Instant instant) {
        LocalDate date = instant.atZone(Jst.ZONE).toLocalDate();
        double[] knots = knots(date);
        double position = (instant.toEpochMilli() - midnight(date).toEpochMilli()) / (KNOT_MINUTES * 60_000.0);
        int k = Math.min(KNOTS_PER_DAY - 1, (int) Math.floor(position));
        double f = position - k;
        return knots[k] + (knots[k + 1] - knots[k]) * f;
    }

    /** Mean air temperature over the JST day, °C (trapezoid over the 10-minute grid). */
    double dayMean(LocalDate date) {
        double[] knots = knots(date);
        double sum = (knots[0] + knots[KNOTS_PER_DAY]) / 2;
        for (int k = 1; k < KNOTS_PER_DAY; k++) {
            sum += knots[k];
        }
        return sum / KNOTS_PER_DAY;
    }

    /** The region's global horizontal irradiance at {@code instant}, W/m². */
    double irradiance(Instant instant) {
        SolarPosition.Sun sun = SolarPosition.at(instant, SolarPosition.ODAWARA_LATITUDE, SolarPosition.ODAWARA_LONGITUDE);
        return sun.up() ? sun.clearSkyGhi() * regionalIndex.applyAsDouble(instant) : 0;
    }

    /** Mean clear-sky global horizontal irradiance over the JST day, W/m² (half-hourly samples). */
    static double meanClearSkyIrradiance(LocalDate date) {
        Instant start = midnight(date);
        double sum = 0;
        for (int i = 0; i < 48; i++) {
            Instant t = start.plusSeconds(i * 1800L + 900);
            sum += SolarPosition.at(t, SolarPosition.ODAWARA_LATITUDE, SolarPosition.ODAWARA_LONGITUDE).clearSkyGhi();
        }
        return sum / 48;
    }

    private double[] knots(LocalDate date) {
        return days.computeIfAbsent(date, this::integrate);
    }

    /** Temperatures at 00:00, 00:10, …, 24:00 of {@code date}. */
    private double[] integrate(LocalDate date) {
        Instant start = midnight(date);
        double knotSeconds = KNOT_MINUTES * 60.0;
        double decay = Math.exp(-knotSeconds / TIME_CONSTANT.toSeconds());
        double lagged = 0; // a night: nothing stored
        double[] out = new double[KNOTS_PER_DAY + 1];
        for (int k = -SPIN_UP_KNOTS + 1; k <= KNOTS_PER_DAY; k++) {
            // the irradiance over the knot interval, taken at its middle
            Instant middle = start.plusSeconds((long) ((k - 0.5) * knotSeconds));
            lagged = lagged * decay + (1 - decay) * irradiance(middle);
            if (k >= 0) {
                out[k] = base(date, k) + GAIN_C_PER_W * lagged;
            }
        }
        return out;
    }

    /** The base temperature at knot {@code k} of {@code date}: linear between the noons of neighbouring days. */
    private double base(LocalDate date, int k) {
        double hour = k * KNOT_MINUTES / 60.0;
        LocalDate other = hour < 12 ? date.minusDays(1) : date.plusDays(1);
        double towardOther = Math.abs(hour - 12) / 24;
        return (1 - towardOther) * baseTempC.applyAsDouble(date) + towardOther * baseTempC.applyAsDouble(other);
    }

    private static Instant midnight(LocalDate date) {
        return date.atStartOfDay(Jst.ZONE).toInstant();
    }
}
