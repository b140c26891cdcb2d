package org.aems.simulators.realism;

import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;

/** Shape figures of one day's 5-minute curve (288 values from 00:00 JST). */
final class ShapeStats {

    private ShapeStats() {
    }

    static double correlation(double[] a, double[] b) {
        return new PearsonsCorrelation().correlation(a, b);
    }

    /** Index (5-minute step) of the maximum. */
    static int peak(double[] curve) {
        int best = 0;
        for (int i = 1; i < curve.length; i++) {
            if (curve[i] > curve[best]) {
                best = i;
            }
        }
        return best;
    }

    /**
     * Index of the 30-minute slot (コマ, 0 = 00:00–00:30) with the highest mean: peak demand as Japan meters
     * and settles it, less sensitive to minute-scale noise than the 5-minute maximum.
     */
    static int peakSlot(double[] curve) {
        int best = 0;
        for (int slot = 1; slot < curve.length / 6; slot++) {
            if (mean(curve, slot * 6, slot * 6 + 6) > mean(curve, best * 6, best * 6 + 6)) {
                best = slot;
            }
        }
        return best;
    }

    /** Mean 18:00–21:00 over mean 11:00–14:00: how much the evening outweighs midday. */
    static double eveningOverMidday(double[] curve) {
        return mean(curve, 18 * 12, 21 * 12) / mean(curve, 11 * 12, 14 * 12);
    }

    /**
     * How much the curve wiggles 10:00–16:00 on time scales between {@code shortSteps} and {@code longSteps}
     * 5-minute steps (odd): the standard deviation of the difference of the two centred moving means, as a
     * share of the mean. The peak minute on a flat top is decided by wiggles like these.
     */
    static double wiggle(double[] curve, int shortSteps, int longSteps) {
        int from = 10 * 12;
        int to = 16 * 12;
        double[] difference = new double[to - from];
        for (int i = from; i < to; i++) {
            difference[i - from] = mean(curve, i - shortSteps / 2, i + shortSteps / 2 + 1)
                    - mean(curve, i - longSteps / 2, i + longSteps / 2 + 1);
        }
        return new StandardDeviation(false).evaluate(difference) / mean(curve, from, to);
    }

    /** Energy of the day in units × hours. */
    static double energy(double[] curve) {
        double sum = 0;
        for (double v : curve) {
            sum += v;
        }
        return sum / 12;
    }

    static double mean(double[] curve, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += curve[i];
        }
        return sum / (to - from);
    }

    static String time(int step) {
        return String.format("%02d:%02d", step * 5 / 60, step * 5 % 60);
    }
}
