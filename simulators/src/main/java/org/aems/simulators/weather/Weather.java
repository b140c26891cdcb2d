package org.aems.simulators.weather;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.aems.core.time.Jst;
import org.aems.simulators.random.Noise;

/**
 * Odawara's simulated weather, deterministic for a seed: a kind of day ({@link Sky}) drawn per date with
 * the month's odds and a few days' persistence, a cloud field that drifts across the city, and air
 * temperature from the monthly normals warmed by the sunshine that gets through ({@link AirTemperature}).
 * Days can be forced (a rehearsal of "a sunny May day").
 *
 * <p>Cloud correlation between sites: every site sees the regional field delayed by its cell's drift
 * time plus a local field of its cell (one cell per feeder), so sites on one feeder move together and
 * distant feeders see the same clouds minutes apart.
 */
public final class Weather implements WeatherSource {

    /** Odawara's monthly mean temperature, °C, Jan..Dec (Japan Meteorological Agency normals, rounded). */
    private static final double[] MONTHLY_MEAN_C = {6.0, 6.6, 9.6, 14.3, 18.4, 21.5, 25.2, 26.8, 23.6, 18.4, 13.2, 8.4};
    /** Odds of CLEAR, PARTLY_CLOUDY, OVERCAST per month (the rest is RAIN); June–July is tsuyu, winter is dry. */
    private static final double[][] SKY_ODDS = {
            {0.55, 0.25, 0.12}, {0.50, 0.27, 0.13}, {0.38, 0.32, 0.16}, {0.35, 0.33, 0.18}, {0.35, 0.35, 0.17},
            {0.14, 0.34, 0.30}, {0.30, 0.40, 0.18}, {0.38, 0.40, 0.14}, {0.25, 0.37, 0.22}, {0.32, 0.35, 0.19},
            {0.42, 0.30, 0.16}, {0.55, 0.25, 0.12}};
    /** How long the cloud field takes to cross one cell (feeder), minutes. */
    static final double DRIFT_MINUTES_PER_CELL = 3.0;
    private static final long REGION_FIELD = 1, CELL_FIELD = 2, SYNOPTIC = 3, DAY = 4, TEMPERATURE = 5;

    private final long seed;
    private final Map<LocalDate, Sky> forced;
    private final Sky everyDay;
    private final Map<LocalDate, DayWeather> days = new ConcurrentHashMap<>();
    private final AirTemperature air = new AirTemperature(this::regionalIndex, date -> day(date).baseTempC());

    /** Seeded weather, except on the days of {@code forced}, which get the sky given. */
    public Weather(long seed, Map<LocalDate, Sky> forced) {
        this.seed = seed;
        this.forced = Map.copyOf(forced);
        this.everyDay = null;
    }

    /** Every day under {@code everyDay}'s sky; temperatures and cloud flicker still follow the seed. */
    public Weather(long seed, Sky everyDay) {
        this.seed = seed;
        this.forced = Map.of();
        this.everyDay = java.util.Objects.requireNonNull(everyDay, "everyDay");
    }

    public Weather(long seed) {
        this(seed, Map.of());
    }

    long seed() {
        return seed;
    }

    @Override
    public DayWeather day(LocalDate date) {
        return days.computeIfAbsent(date, this::draw);
    }

    @Override
    public double clearSkyIndex(Instant instant, int cell) {
        DayWeather day = day(instant.atZone(Jst.ZONE).toLocalDate());
        double minutes = instant.getEpochSecond() / 60.0;
        double regional = Noise.smooth(seed, REGION_FIELD, (minutes - cell * DRIFT_MINUTES_PER_CELL) / 20.0);
        double local = Noise.smooth(seed, CELL_FIELD + 31L * cell, minutes / 10.0);
        double k = day.clearness() + day.sky().variability() * (0.8 * regional + 0.6 * local);
        return Math.max(0.03, Math.min(1.05, k));
    }

    /** Air temperature, °C: the day's base warmed by the lagged sunshine; warmest around 14:00 JST on a clear day. */
    @Override
    public double temperatureC(Instant instant) {
        return air.at(instant);
    }

    @Override
    public double meanTemperatureC(LocalDate date) {
        return air.dayMean(date);
    }

    /** The cloud field over the region as a whole (cell 0, no local flicker), which is what warms the air. */
    double regionalIndex(Instant instant) {
        DayWeather day = day(instant.atZone(Jst.ZONE).toLocalDate());
        double regional = Noise.smooth(seed, REGION_FIELD, instant.getEpochSecond() / 60.0 / 20.0);
        return Math.max(0.03, Math.min(1.05, day.clearness() + day.sky().variability() * 0.8 * regional));
    }

    private DayWeather draw(LocalDate date) {
        long d = date.toEpochDay();
        Sky sky = everyDay != null ? everyDay : forced.get(date);
        if (sky == null) {
            // Weather comes in spells: a slow synoptic field over days plus the day's own draw.
            double z = 0.7 * Noise.smooth(seed, SYNOPTIC, d / 3.0) + 0.7 * Noise.gaussian(seed, DAY, d);
            double u = 1 / (1 + Math.exp(-1.7 * z));
            double[] odds = SKY_ODDS[date.getMonthValue() - 1];
            sky = u < odds[0] ? Sky.CLEAR : u < odds[0] + odds[1] ? Sky.PARTLY_CLOUDY
                    : u < odds[0] + odds[1] + odds[2] ? Sky.OVERCAST : Sky.RAIN;
        }
        double clearness = Math.max(0.05, Math.min(1.0, sky.meanClearness() + 0.05 * Noise.gaussian(seed, DAY + 100, d)));
        double anomaly = 1.5 * Noise.smooth(seed, TEMPERATURE, d / 4.0) + 0.7 * Noise.gaussian(seed, TEMPERATURE, d);
        return new DayWeather(date, sky, clearness, baseTemperatureC(date, anomaly));
    }

    /**
     * The base (night) temperature of {@code date}, °C, such that a day with the month's usual sunshine
     * averages the monthly normal plus {@code anomalyC}: sunnier days then run warmer than the normal and
     * cloudier ones cooler, through the sunshine alone.
     */
    static double baseTemperatureC(LocalDate date, double anomalyC) {
        return monthlyNormal(date) + anomalyC
                - AirTemperature.GAIN_C_PER_W * usualClearness(date) * AirTemperature.meanClearSkyIrradiance(date);
    }

    /** The expected day-mean clear-sky index of the month from its odds of each kind of sky. */
    static double usualClearness(LocalDate date) {
        double[] odds = SKY_ODDS[date.getMonthValue() - 1];
        return odds[0] * Sky.CLEAR.meanClearness() + odds[1] * Sky.PARTLY_CLOUDY.meanClearness()
                + odds[2] * Sky.OVERCAST.meanClearness() + (1 - odds[0] - odds[1] - odds[2]) * Sky.RAIN.meanClearness();
    }

    /** The normal daily mean temperature at Odawara on {@code date}, °C. */
    public static double normalTemperatureC(LocalDate date) {
        return monthlyNormal(date);
    }

    /** The monthly normals interpolated linearly between mid-months. */
    static double monthlyNormal(LocalDate date) {
        double position = date.getMonthValue() - 1 + (date.getDayOfMonth() - 0.5) / date.lengthOfMonth() - 0.5;
        int lower = (int) Math.floor(position);
        double f = position - lower;
        double a = MONTHLY_MEAN_C[Math.floorMod(lower, 12)];
        double b = MONTHLY_MEAN_C[Math.floorMod(lower + 1, 12)];
        return a + (b - a) * f;
    }
}
