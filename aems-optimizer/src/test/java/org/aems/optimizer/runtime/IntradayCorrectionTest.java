package org.aems.optimizer.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The nowcast that corrects the first hours of a rolling plan's forecast. #5 "Rolling horizon" */
class IntradayCorrectionTest {

    private static final double[] FLAT = {100, 100, 100, 100, 100, 100, 100, 100, 100};

    @Test
    void aSlotThatCameOutHalfAgainAboveItsForecastRaisesTheNextHoursFadingWithTheHalfLife() {
        double[] corrected = IntradayCorrection.DEFAULT.apply(FLAT, 100, OptionalDouble.of(150));

        assertThat(corrected[0]).isCloseTo(150, within(1e-9));
        assertThat(corrected[4]).isCloseTo(125, within(1e-9)); // one half-life (4 slots) later, half the correction
        assertThat(corrected[8]).isCloseTo(112.5, within(1e-9));
    }

    @Test
    void theRatioIsBoundedSoOneOddReadingCannotRunAwayWithThePlan() {
        assertThat(IntradayCorrection.DEFAULT.apply(FLAT, 100, OptionalDouble.of(10_000))[0]).isCloseTo(300, within(1e-9));
        assertThat(IntradayCorrection.DEFAULT.apply(FLAT, 100, OptionalDouble.of(0))[0]).isCloseTo(20, within(1e-9));
    }

    @Test
    void nothingChangesWithoutAMeasurementOrWhenTheLastSlotCarriedAlmostNothing() {
        assertThat(IntradayCorrection.DEFAULT.apply(FLAT, 100, OptionalDouble.empty())).containsExactly(FLAT);
        // Dawn: 2 Wh forecast against a 100 Wh day; 20 Wh measured is no reason to multiply the day by 3.
        assertThat(IntradayCorrection.DEFAULT.apply(FLAT, 2, OptionalDouble.of(20))).containsExactly(FLAT);
    }

    @Test
    void aSlotUnderOurOwnPvLimitsMayRaiseTheForecastButNeverLowerIt() {
        // Limits held the PV to 80 of a forecast 100: clouds or our own limits, nobody measured which.
        assertThat(IntradayCorrection.DEFAULT.apply(FLAT, 100, OptionalDouble.of(80), true)).containsExactly(FLAT);
        assertThat(IntradayCorrection.DEFAULT.apply(FLAT, 100, OptionalDouble.of(120), true)[0]).isCloseTo(120, within(1e-9));
    }
}
