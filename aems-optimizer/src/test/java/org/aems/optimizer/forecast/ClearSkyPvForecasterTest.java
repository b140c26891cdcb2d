package org.aems.optimizer.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.TreeMap;
import org.aems.core.time.Slot;
import org.junit.jupiter.api.Test;

class ClearSkyPvForecasterTest {

    private static final LocalDate DAY = LocalDate.of(2022, 7, 25);

    @Test
    void theClearSkyIsDarkAtNightAndHighestAroundNoonInOdawara() {
        double[] slots = new double[48];
        for (int s = 1; s <= 48; s++) {
            slots[s - 1] = ClearSky.ODAWARA.meanIrradiance(Slot.of(DAY, s));
        }
        assertThat(slots[0]).isZero();          // 00:00-00:30 JST
        assertThat(slots[45]).isZero();         // 22:30-23:00
        int peak = 0;
        for (int s = 0; s < 48; s++) {
            peak = slots[s] > slots[peak] ? s : peak;
        }
        // Solar noon at 139.15°E in late July is ~11:45 JST: slot 24 (11:30-12:00).
        assertThat(peak + 1).isBetween(23, 25);
        assertThat(slots[peak]).isBetween(900.0, 1000.0);
    }

    @Test
    void aPvSeriesAtHalfTheClearSkyIsForecastAtHalfTheClearSky() {
        TreeMap<Slot, Double> values = new TreeMap<>();
        for (int d = 1; d <= 5; d++) {
            for (int s = 1; s <= 48; s++) {
                Slot slot = Slot.of(DAY.minusDays(d), s);
                values.put(slot, 0.5 * ClearSky.ODAWARA.meanIrradiance(slot));
            }
        }
        SlotSeries history = new SlotSeries("pv", "W/m2", values);

        double[] forecast = new ClearSkyPvForecaster().forecast(history, DAY, Slot.of(DAY.minusDays(1), 25));

        assertThat(forecast[23]).isCloseTo(0.5 * ClearSky.ODAWARA.meanIrradiance(Slot.of(DAY, 24)), within(1e-6));
        assertThat(forecast[2]).isZero();
    }
}
