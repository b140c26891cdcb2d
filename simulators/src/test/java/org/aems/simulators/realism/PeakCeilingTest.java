package org.aems.simulators.realism;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PeakCeilingTest {

    private static final int STEPS = 288;

    /** Air 10 K below {@code maxC} at night, warming from 06:00 to its maximum at 14:00, cool again by 22:00. */
    private static double[] air(double maxC) {
        double[] t = new double[STEPS];
        for (int i = 0; i < STEPS; i++) {
            double hour = i / 12.0;
            t[i] = maxC - 10 + 10 * Math.max(0, 1 - Math.abs(hour - 14) / 8);
        }
        return t;
    }

    /** Business hours peaking before lunch, cooling peaking mid-afternoon, plus the day's own level. */
    private static double[] demand(double[] air, double level, double eveningBump) {
        double[] d = new double[STEPS];
        for (int i = 0; i < STEPS; i++) {
            double hour = i / 12.0;
            double business = Math.exp(-Math.pow((hour - 11) / 3, 2));
            double evening = Math.exp(-Math.pow((hour - 19) / 1.5, 2));
            d[i] = level + 100 * business + 30 * Math.max(0, air[i] - PeakCeiling.COOLING_BASE_C) + eveningBump * evening;
        }
        return d;
    }

    private static List<PeakCeiling.Day> workdays(double... maxima) {
        List<PeakCeiling.Day> days = new ArrayList<>();
        LocalDate day = LocalDate.of(2022, 7, 19); // a Tuesday
        for (double max : maxima) {
            while (!org.aems.simulators.load.WorkCalendar.isWorkday(day)) {
                day = day.plusDays(1);
            }
            days.add(new PeakCeiling.Day(day, demand(air(max), 1000 + 10 * days.size(), 0), air(max)));
            day = day.plusDays(1);
        }
        return days;
    }

    @Test
    void placesEveryPeakWhenTheDemandFollowsTheDayTypeAndTheTemperature() {
        List<PeakCeiling.Day> days = workdays(24, 26, 29, 31, 33, 35, 25, 30);
        int coolPeak = ShapeStats.peak(days.get(0).demand());
        int hotPeak = ShapeStats.peak(days.get(5).demand());
        assertThat(hotPeak - coolPeak).as("a hot afternoon moves the peak by hours").isGreaterThan(24);

        PeakCeiling.Result result = PeakCeiling.of(days, 6);

        assertThat(result).isEqualTo(new PeakCeiling.Result(8, 8, 8, java.util.Map.of()));
    }

    @Test
    void missesADayWhosePeakComesFromSomethingTheInputsDoNotShow() {
        List<PeakCeiling.Day> days = new ArrayList<>(workdays(24, 26, 29, 31, 33, 35, 25));
        LocalDate odd = LocalDate.of(2022, 8, 1);
        double[] air = air(30);
        days.add(new PeakCeiling.Day(odd, demand(air, 1000, 300), air)); // a dinner-time peak nothing here explains

        PeakCeiling.Result result = PeakCeiling.of(days, 6);

        assertThat(result.leaveOneOut()).isEqualTo(7);
        assertThat(result.leftOutMisses()).containsOnlyKeys(odd);
        assertThat(result.leftOutMisses().get(odd)).as("the fit puts it in the afternoon, hours before dinner").isLessThan(-24);
        assertThat(result.inSample()).isEqualTo(7);
    }
}
