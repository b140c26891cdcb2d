package org.aems.simulators.realism;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.aems.simulators.load.WorkCalendar;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * How often the time of a day's demand peak can be placed at all from what the simulator knows of that day:
 * its type (workday, Saturday, Sunday or holiday) and its air temperature. A statistical model is fitted to
 * the real demand itself, per 5-minute step of the day and day type: a level plus a cooling response to
 * the degrees above {@value #COOLING_BASE_C} °C, and a level per day. Its peak times are what any model
 * driven by these inputs could reach, and more: it is fitted to the very days it is scored on ("in
 * sample"); "leave one out" fits each day without it, as a simulator calibrated beforehand would be.
 */
final class PeakCeiling {

    static final double COOLING_BASE_C = 22;
    private static final int ITERATIONS = 15;

    enum DayType {
        WORKDAY, SATURDAY, SUNDAY_OR_HOLIDAY;

        static DayType of(LocalDate date) {
            if (WorkCalendar.isWorkday(date)) {
                return WORKDAY;
            }
            return date.getDayOfWeek() == DayOfWeek.SATURDAY ? SATURDAY : SUNDAY_OR_HOLIDAY;
        }
    }

    /** A real day: its demand and the air temperature the simulator gave it, step by step. */
    record Day(LocalDate date, double[] demand, double[] airTempC) {

        DayType type() {
            return DayType.of(date);
        }

        double coolingDegrees(int step) {
            return Math.max(0, airTempC[step] - COOLING_BASE_C);
        }
    }

    /**
     * Days whose fitted peak lies within the tolerance of the real one, of {@code days}; and, for the days
     * missed with each day left out, how far off the fitted peak is, in steps (+ later than the real one).
     */
    record Result(int inSample, int leaveOneOut, int days, Map<LocalDate, Integer> leftOutMisses) {
    }

    private PeakCeiling() {
    }

    static Result of(List<Day> days, int toleranceSteps) {
        Map<DayType, Fit> inSampleFits = new EnumMap<>(DayType.class);
        int inSample = 0;
        int leaveOneOut = 0;
        Map<LocalDate, Integer> misses = new TreeMap<>();
        for (Day day : days) {
            List<Day> sameType = days.stream().filter(d -> d.type() == day.type()).toList();
            List<Day> others = sameType.stream().filter(d -> d != day).toList();
            int real = ShapeStats.peak(day.demand());
            Fit all = inSampleFits.computeIfAbsent(day.type(), type -> fit(sameType));
            if (Math.abs(ShapeStats.peak(all.curve(day)) - real) <= toleranceSteps) {
                inSample++;
            }
            if (others.size() < 2) {
                continue; // nothing of its type to learn from
            }
            int off = ShapeStats.peak(fit(others).curve(day)) - real;
            if (Math.abs(off) <= toleranceSteps) {
                leaveOneOut++;
            } else {
                misses.put(day.date(), off);
            }
        }
        return new Result(inSample, leaveOneOut, days.size(), misses);
    }

    /** A fitted model: per step, the level and the response per cooling degree. */
    private record Fit(double[] level, double[] cooling) {

        /** The curve this model gives {@code day}, up to the day's own level. */
        double[] curve(Day day) {
            double[] curve = new double[level.length];
            for (int i = 0; i < curve.length; i++) {
                curve[i] = level[i] + cooling[i] * day.coolingDegrees(i);
            }
            return curve;
        }
    }

    /** Least squares on {@code train}, alternating between the per-step coefficients and the per-day levels. */
    private static Fit fit(List<Day> train) {
        int steps = train.get(0).demand().length;
        double[] level = new double[steps];
        double[] cooling = new double[steps];
        Map<Day, Double> dayLevel = new HashMap<>();
        train.forEach(d -> dayLevel.put(d, 0.0));
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            for (int i = 0; i < steps; i++) {
                SimpleRegression regression = new SimpleRegression();
                double sum = 0;
                for (Day d : train) {
                    double y = d.demand()[i] - dayLevel.get(d);
                    regression.addData(d.coolingDegrees(i), y);
                    sum += y;
                }
                double slope = regression.getSlope();
                if (Double.isNaN(slope)) { // no spread of temperatures at this step (a cool night): a level only
                    cooling[i] = 0;
                    level[i] = sum / train.size();
                } else {
                    cooling[i] = slope;
                    level[i] = regression.getIntercept();
                }
            }
            Fit fit = new Fit(level, cooling);
            for (Day d : train) {
                double[] modelled = fit.curve(d);
                double residual = 0;
                for (int i = 0; i < steps; i++) {
                    residual += d.demand()[i] - modelled[i];
                }
                dayLevel.put(d, residual / steps);
            }
        }
        return new Fit(level, cooling);
    }
}
