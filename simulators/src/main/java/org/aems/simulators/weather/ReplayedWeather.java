package org.aems.simulators.weather;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.aems.core.time.Jst;
import org.aems.simulators.random.Noise;

/**
 * Real weather replayed from a {@link WeatherRecord}. On the dates its cloudiness covers, the region gets
 * the recorded clear-sky index (drifting across the cells like the seeded cloud field, with a little local
 * flicker where the sky is broken), and the air temperature follows that sunshine through the same
 * {@link AirTemperature} physics; on the dates its air temperature covers, the recorded temperature is used
 * instead. The base temperature of each day and every uncovered date come from the seeded {@link Weather}.
 * So a city can rehearse a real day: a storm that cools the afternoon in the record cools it here too.
 * (Buildings feel the air 45 minutes late: just after midnight of a covered date they still feel the
 * previous date, recorded or simulated.)
 */
public final class ReplayedWeather implements WeatherSource {

    private static final long FLICKER = 7;
    /** Standard deviation of local flicker at a half-clouded sky (k = 0.5); none under a clear or fully grey sky. */
    private static final double FLICKER_AT_HALF = 0.08;

    private final ClearSkyIndexSeries cloudiness;
    private final RecordedAirTemperature recordedAir;
    private final Weather seeded;
    private final long seed;
    private final AirTemperature air;

    /** @param seeded the weather of the uncovered dates, the base temperatures and the seed of the flicker */
    public ReplayedWeather(WeatherRecord weather, Weather seeded) {
        this.cloudiness = Objects.requireNonNull(weather, "weather").sky();
        this.recordedAir = weather.air();
        this.seeded = Objects.requireNonNull(seeded, "seeded");
        this.seed = seeded.seed();
        this.air = new AirTemperature(this::regionalIndex, date -> seeded.day(date).baseTempC());
    }

    @Override
    public DayWeather day(LocalDate date) {
        DayWeather drawn = seeded.day(date);
        if (!cloudiness.covers(date)) {
            return drawn;
        }
        double clearness = Math.max(0, Math.min(1.1, cloudiness.dayMean(date)));
        return new DayWeather(date, Sky.nearest(clearness), clearness, drawn.baseTempC());
    }

    @Override
    public double clearSkyIndex(Instant instant, int cell) {
        Instant drifted = instant.minusSeconds(Math.round(cell * Weather.DRIFT_MINUTES_PER_CELL * 60));
        if (!cloudiness.covers(drifted.atZone(Jst.ZONE).toLocalDate())) {
            return seeded.clearSkyIndex(instant, cell);
        }
        double k = cloudiness.at(drifted);
        double local = Noise.smooth(seed, FLICKER + 31L * cell, instant.getEpochSecond() / 60.0 / 10.0);
        double broken = 4 * Math.max(0, k * (1 - k));
        return Math.max(0.03, Math.min(1.05, k + FLICKER_AT_HALF * broken * local));
    }

    @Override
    public double temperatureC(Instant instant) {
        return recordedAir.covers(instant.atZone(Jst.ZONE).toLocalDate()) ? recordedAir.at(instant) : air.at(instant);
    }

    @Override
    public double meanTemperatureC(LocalDate date) {
        return recordedAir.covers(date) ? recordedAir.dayMean(date) : air.dayMean(date);
    }

    private double regionalIndex(Instant instant) {
        return cloudiness.covers(instant.atZone(Jst.ZONE).toLocalDate())
                ? Math.max(0.03, Math.min(1.05, cloudiness.at(instant))) : seeded.regionalIndex(instant);
    }
}
