package org.aems.simulators.realism;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShapeStatsTest {

    private static double[] curve(double periodMinutes, double amplitude) {
        double[] c = new double[288];
        for (int i = 0; i < c.length; i++) {
            c[i] = 1000 * (1 + amplitude * Math.sin(2 * Math.PI * i * 5 / periodMinutes));
        }
        return c;
    }

    @Test
    void aWiggleShowsInTheBandOfItsTimeScaleAndNotInTheOthers() {
        double[] hourly = curve(60, 0.01);
        assertThat(ShapeStats.wiggle(curve(60, 0), 3, 13)).isZero();
        assertThat(ShapeStats.wiggle(hourly, 3, 13)).isBetween(0.005, 0.01); // a 1 % sine has an RMS of 0.71 %
        assertThat(ShapeStats.wiggle(curve(600, 0.01), 1, 7)).isLessThan(0.0005); // a slow swell is not a wiggle
    }
}
