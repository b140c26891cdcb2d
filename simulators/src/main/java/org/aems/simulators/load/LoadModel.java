package org.aems.simulators.load;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.aems.core.unit.Energy;
import org.aems.simulators.random.Noise;
import org.aems.simulators.scenario.LoadProfile;

/**
 * A site's consumption: a typical daily shape of its kind for workdays and holidays, plus cooling above
 * 22 °C and heating below 15 °C while people are there, scaled so that a year at Odawara's normal
 * temperatures uses the site's {@code annualKwh}; multiplied by the site's own slowly varying noise and a
 * per-day factor (away, guests, a busy day).
 *
 * <p>Shapes (value at each hour, JST, relative to the day mean) follow the published typical curves for
 * Japanese homes (evening peak around 19:00, morning peak at 7:00, holiday daytime use) and for offices,
 * shops, schools and public buildings (flat-topped business hours); they are this simulator's assumptions,
 * calibrated against TEPCO area demand in docs/benchmarks.md.
 */
public final class LoadModel {

    private static final double COOLING_BASE_C = 22;
    private static final double HEATING_BASE_C = 15;
    /**
     * Mean load, kW, above which a site's minute-to-minute wobble shrinks as 1/√size: a large building is
     * many independent loads (floors, tenants, chillers), so its fast fluctuation averages out like a
     * group of smaller sites' would. Its day-to-day factor keeps the full {@code loadNoise}.
     */
    static final double AGGREGATION_KW = 20;
    private static final Map<LoadProfile, Double> MEAN_SHAPE = new EnumMap<>(LoadProfile.class);

    private final Shape shape;
    private final double scaleW;
    private final double noise;
    private final double wobble;
    private final long seed;
    private final long siteKey;

    public LoadModel(LoadProfile profile, Energy annual, double noise, long seed, long siteKey) {
        this.shape = Shape.of(Objects.requireNonNull(profile, "profile"));
        this.scaleW = annual.wattHours() / 8760.0 / meanShape(profile);
        this.noise = noise;
        this.wobble = noise * Math.sqrt(AGGREGATION_KW * 1000 / Math.max(AGGREGATION_KW * 1000, annual.wattHours() / 8760.0));
        this.seed = seed;
        this.siteKey = siteKey;
    }

    /**
     * Load in W, ≥ 0.
     *
     * @param day        JST date
     * @param hour       JST hour of day with fraction, 0..24
     * @param feltTempC  the temperature buildings feel now (air lagged and mixed with the day's mean)
     * @param epochMinute minutes since the epoch, for the noise
     */
    public double powerW(LocalDate day, boolean workday, boolean schoolBreak, double hour, double feltTempC, long epochMinute) {
        double base = shape.at(workday, schoolBreak, hour, feltTempC);
        return scaled(base, day, epochMinute);
    }

    private double scaled(double base, LocalDate day, long epochMinute) {
        double daily = 0.6 * noise * Noise.gaussian(seed, siteKey, day.toEpochDay());
        double fast = wobble * Noise.smooth(seed, siteKey ^ 0x51L, epochMinute / 15.0);
        return scaleW * base * Math.max(0.2, 1 + daily + fast);
    }

    /** The profile's mean over a year of normal weather, so that {@code annualKwh} comes out right. */
    private static synchronized double meanShape(LoadProfile profile) {
        return MEAN_SHAPE.computeIfAbsent(profile, p -> {
            Shape s = Shape.of(p);
            double sum = 0;
            int n = 0;
            for (LocalDate d = LocalDate.of(2025, 1, 1); d.getYear() == 2025; d = d.plusDays(1)) {
                double mean = org.aems.simulators.weather.Weather.normalTemperatureC(d);
                for (int h = 0; h < 24; h++) {
                    double t = mean + 0.6 * 3.5 * Math.cos(2 * Math.PI * (h - 14.75) / 24);
                    sum += s.at(WorkCalendar.isWorkday(d), WorkCalendar.isSchoolBreak(d), h, t);
                    n++;
                }
            }
            return sum / n;
        });
    }

    /** Hourly shapes and weather sensitivity of a kind of site. */
    record Shape(double[] workday, double[] holiday, double[] schoolBreak, double cooling, double heating,
                 double[] occupiedWorkday, double[] occupiedHoliday) {

        double at(boolean isWorkday, boolean isSchoolBreak, double hour, double airTempC) {
            double[] curve = isWorkday ? (isSchoolBreak && schoolBreak != null ? schoolBreak : workday) : holiday;
            double[] occupied = isWorkday && !(isSchoolBreak && schoolBreak != null) ? occupiedWorkday : occupiedHoliday;
            double occupancy = interpolate(occupied, hour);
            double weather = cooling * Math.max(0, airTempC - COOLING_BASE_C) + heating * Math.max(0, HEATING_BASE_C - airTempC);
            return interpolate(curve, hour) + weather * occupancy;
        }

        static double interpolate(double[] hourly, double hour) {
            int h = (int) Math.floor(hour) % 24;
            double f = hour - Math.floor(hour);
            return hourly[h] + (hourly[(h + 1) % 24] - hourly[h]) * f;
        }

        static Shape of(LoadProfile profile) {
            return switch (profile) {
                case HOUSEHOLD_1P -> new Shape(
                        h(.60, .50, .46, .44, .44, .48, .70, 1.05, .85, .55, .48, .48, .52, .48, .46, .48, .58, .85, 1.30, 1.60, 1.65, 1.55, 1.30, .92),
                        h(.68, .56, .50, .47, .46, .48, .58, .80, .98, 1.00, .95, .98, 1.02, .92, .85, .85, .95, 1.15, 1.40, 1.55, 1.55, 1.45, 1.25, .92),
                        null, .11, .09, HOME_OCCUPIED_WORKDAY, HOME_OCCUPIED_HOLIDAY);
                case HOUSEHOLD_2P, HOUSEHOLD_3P, HOUSEHOLD_4P -> new Shape(
                        h(.78, .70, .65, .62, .62, .66, .82, 1.02, .96, .84, .78, .78, .82, .78, .76, .78, .86, 1.00, 1.20, 1.34, 1.36, 1.32, 1.20, 1.00),
                        h(.76, .66, .60, .58, .57, .60, .70, .90, 1.06, 1.12, 1.12, 1.14, 1.18, 1.12, 1.08, 1.08, 1.10, 1.16, 1.24, 1.30, 1.30, 1.26, 1.16, .96),
                        null, .11, .09, HOME_OCCUPIED_WORKDAY, HOME_OCCUPIED_HOLIDAY);
                case OFFICE -> new Shape(
                        h(.56, .55, .55, .55, .55, .56, .60, .70, 1.10, 1.48, 1.54, 1.54, 1.44, 1.54, 1.54, 1.52, 1.48, 1.38, 1.20, 1.02, .88, .76, .66, .60),
                        flat(.56), null, .05, .04, BUSINESS_HOURS, h8(.1));
                case SHOP -> new Shape(
                        h(.66, .65, .65, .65, .65, .66, .70, .78, .94, 1.20, 1.44, 1.46, 1.48, 1.48, 1.48, 1.46, 1.44, 1.43, 1.42, 1.38, 1.24, .92, .74, .68),
                        h(.66, .65, .65, .65, .65, .66, .70, .78, .96, 1.25, 1.50, 1.52, 1.54, 1.54, 1.54, 1.52, 1.50, 1.47, 1.45, 1.40, 1.24, .92, .74, .68),
                        null, .04, .03, SHOP_HOURS, SHOP_HOURS);
                case SCHOOL -> new Shape(
                        h(.30, .30, .30, .30, .30, .30, .35, .60, 1.60, 2.00, 2.05, 2.05, 1.95, 2.00, 2.00, 1.85, 1.55, 1.10, .70, .50, .40, .35, .32, .30),
                        flat(.30),
                        h(.30, .30, .30, .30, .30, .30, .33, .45, .80, .95, .98, .98, .92, .95, .95, .88, .72, .55, .42, .36, .33, .32, .31, .30),
                        .04, .04, BUSINESS_HOURS, h8(.05));
                case PUBLIC_FACILITY -> new Shape(
                        h(.86, .84, .83, .83, .83, .85, .88, .95, 1.15, 1.32, 1.36, 1.36, 1.30, 1.34, 1.36, 1.34, 1.30, 1.20, 1.08, 1.00, .94, .90, .88, .87),
                        h(.64, .62, .61, .61, .61, .63, .68, .76, .86, .94, .96, .96, .94, .95, .95, .94, .92, .88, .82, .78, .74, .70, .68, .66),
                        null, .05, .04, BUSINESS_HOURS, h8(.4));
                case CAR_SHARING_STATION -> new Shape(
                        h(1.2, 1.2, 1.2, 1.2, 1.2, 1.1, .8, .8, .8, .8, .8, .8, .8, .8, .8, .8, .8, .9, 1.2, 1.2, 1.2, 1.2, 1.2, 1.2),
                        h(1.2, 1.2, 1.2, 1.2, 1.2, 1.1, .8, .8, .8, .8, .8, .8, .8, .8, .8, .8, .8, .9, 1.2, 1.2, 1.2, 1.2, 1.2, 1.2),
                        null, 0, 0, flat(0), flat(0));
            };
        }
    }

    /** Share of cooling/heating at home by hour: sleeping with the air conditioner on, out at work on weekdays. */
    private static final double[] HOME_OCCUPIED_WORKDAY =
            h(.85, .85, .80, .80, .75, .70, .60, .55, .50, .60, .65, .70, .72, .75, .75, .75, .78, .85, .95, 1.0, 1.0, 1.0, .95, .90);
    private static final double[] HOME_OCCUPIED_HOLIDAY =
            h(.85, .85, .80, .80, .75, .70, .65, .65, .75, .85, .90, .95, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, .95, .90);
    private static final double[] BUSINESS_HOURS =
            h(.1, .1, .1, .1, .1, .1, .15, .4, .9, 1, 1, 1, 1, 1, 1, 1, 1, .9, .6, .35, .2, .15, .1, .1);
    private static final double[] SHOP_HOURS =
            h(.1, .1, .1, .1, .1, .1, .1, .2, .5, .9, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, .8, .3, .1, .1);

    private static double[] h(double... hourly) {
        if (hourly.length != 24) {
            throw new IllegalArgumentException("a daily shape has 24 hourly values, got " + hourly.length);
        }
        return hourly;
    }

    private static double[] flat(double v) {
        double[] a = new double[24];
        java.util.Arrays.fill(a, v);
        return a;
    }

    private static double[] h8(double outside) {
        double[] a = BUSINESS_HOURS.clone();
        for (int i = 0; i < 24; i++) {
            a[i] = Math.max(a[i] * outside, 0.1 * outside);
        }
        return a;
    }
}
