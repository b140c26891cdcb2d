package org.aems.simulators.realism;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.aems.core.grid.DeviceId;
import org.aems.core.grid.PvArray;
import org.aems.core.grid.Validity;
import org.aems.core.time.Jst;
import org.aems.core.unit.Power;
import org.aems.simulators.pv.PvModel;
import org.aems.simulators.pv.SolarPosition;
import org.aems.simulators.weather.ClearSkyIndexSeries;
import org.aems.simulators.weather.Sky;

/**
 * Real cloudiness derived from the real solar curve, the stand-in for a weather feed: per 30-minute slot,
 * the area's actual PV output ÷ what a clear sky would give (a 20° south-facing roof under the Haurwitz
 * clear sky), with the fleet's size chosen so that the sunniest day of the record averages a clear day's
 * index ({@link Sky#CLEAR}). Uses the solar data only, never the demand. Slots with the sun too low for a
 * meaningful ratio (clear-sky output under 10 % of the day's maximum) are left out; the replay holds the
 * first and last values flat.
 */
final class SolarReplay {

    private static final int STEPS_PER_SLOT = 6;
    private static final double MIN_SHARE_OF_NOON = 0.10;
    private static final PvModel ROOF = new PvModel(new PvArray(DeviceId.of("clear-sky-reference"),
            Validity.from(LocalDate.of(2000, 1, 1)), false, Power.ofKilowatts(1), Power.ofKilowatts(1), 20, 180), 1);

    private SolarReplay() {
    }

    /** The clear-sky index of every slot of the {@code dates} (a subset of {@code days}) with enough sun. */
    static ClearSkyIndexSeries derive(List<AreaCurves> days, Collection<LocalDate> dates) {
        Map<LocalDate, double[]> clear = new TreeMap<>();
        double fleet = 0;
        for (AreaCurves day : days) {
            double[] shape = clearSkyShape(day.date());
            clear.put(day.date(), shape);
            fleet = Math.max(fleet, ShapeStats.energy(day.solar()) / ShapeStats.energy(shape));
        }
        fleet /= Sky.CLEAR.meanClearness();
        Map<Instant, Double> samples = new TreeMap<>();
        for (AreaCurves day : days) {
            if (!dates.contains(day.date())) {
                continue;
            }
            double[] shape = clear.get(day.date());
            double noon = java.util.Arrays.stream(shape).max().orElse(0);
            Instant midnight = day.date().atStartOfDay(Jst.ZONE).toInstant();
            for (int slot = 0; slot < AreaCurves.STEPS / STEPS_PER_SLOT; slot++) {
                double real = 0;
                double sky = 0;
                for (int i = slot * STEPS_PER_SLOT; i < (slot + 1) * STEPS_PER_SLOT; i++) {
                    real += day.solar()[i];
                    sky += shape[i];
                }
                if (sky / STEPS_PER_SLOT < MIN_SHARE_OF_NOON * noon) {
                    continue;
                }
                samples.put(midnight.plus(Duration.ofMinutes(slot * 30L + 15)), Math.min(1.5, real / (fleet * sky)));
            }
        }
        return new ClearSkyIndexSeries(samples);
    }

    /** Clear-sky output of the reference roof, W per kWp, at the middle of each 5-minute step of {@code date}. */
    private static double[] clearSkyShape(LocalDate date) {
        double[] shape = new double[AreaCurves.STEPS];
        Instant midnight = date.atStartOfDay(Jst.ZONE).toInstant();
        for (int i = 0; i < AreaCurves.STEPS; i++) {
            Instant t = midnight.plusSeconds(i * 300L + 150);
            SolarPosition.Sun sun = SolarPosition.at(t, SolarPosition.ODAWARA_LATITUDE, SolarPosition.ODAWARA_LONGITUDE);
            shape[i] = ROOF.acPower(sun, 1, 25, Double.POSITIVE_INFINITY);
        }
        return shape;
    }
}
