package org.aems.simulators.pv;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import org.aems.core.grid.DeviceId;
import org.aems.core.grid.PvArray;
import org.aems.core.grid.Validity;
import org.aems.core.time.Jst;
import org.aems.core.unit.Power;
import org.junit.jupiter.api.Test;

class PvModelTest {

    private static final LocalDate MAY = LocalDate.of(2026, 5, 12);

    private static PvArray array(double kwp, double inverterKw, double tilt, double azimuth) {
        return new PvArray(DeviceId.of("pv-1"), Validity.from(LocalDate.of(2024, 4, 1)), true, Power.ofKilowatts(kwp),
                Power.ofKilowatts(inverterKw), tilt, azimuth);
    }

    private static double power(PvArray array, LocalDate day, LocalTime time, double clearSkyIndex) {
        Instant t = day.atTime(time).atZone(Jst.ZONE).toInstant();
        SolarPosition.Sun sun = SolarPosition.at(t, SolarPosition.ODAWARA_LATITUDE, SolarPosition.ODAWARA_LONGITUDE);
        return new PvModel(array, 1.0).acPower(sun, clearSkyIndex, 20, Double.POSITIVE_INFINITY);
    }

    @Test
    void producesNothingAtNight() {
        PvArray south = array(4, 4, 30, 180);
        for (LocalTime t : new LocalTime[] {LocalTime.of(0, 0), LocalTime.of(3, 30), LocalTime.of(4, 0), LocalTime.of(19, 30), LocalTime.of(23, 0)}) {
            assertThat(power(south, MAY, t, 1.0)).as("at %s", t).isZero();
        }
    }

    @Test
    void peaksPlausiblyAtSolarNoonOnAClearMayDay() {
        PvArray south = array(4, 4, 30, 180);
        // Solar noon at 139.15°E is about 11:40 JST in May; a 4 kWp south roof gives ~75-85 % of nameplate.
        double noon = power(south, MAY, LocalTime.of(11, 40), 1.0);
        assertThat(noon).isBetween(2_800.0, 3_500.0);
        assertThat(noon).isGreaterThan(power(south, MAY, LocalTime.of(9, 0), 1.0));
        assertThat(noon).isGreaterThan(power(south, MAY, LocalTime.of(15, 0), 1.0));
        // December's low sun gives less, even on a steeper roof.
        assertThat(power(south, LocalDate.of(2026, 12, 15), LocalTime.of(11, 40), 1.0)).isLessThan(noon);
    }

    @Test
    void eastRoofsPeakInTheMorningAndWestRoofsInTheAfternoon() {
        PvArray east = array(4, 4, 30, 90);
        PvArray west = array(4, 4, 30, 270);
        assertThat(power(east, MAY, LocalTime.of(9, 0), 1.0)).isGreaterThan(power(east, MAY, LocalTime.of(15, 0), 1.0));
        assertThat(power(west, MAY, LocalTime.of(15, 0), 1.0)).isGreaterThan(power(west, MAY, LocalTime.of(9, 0), 1.0));
    }

    @Test
    void clipsAtTheInverterLimitAndFollowsACurtailmentLimit() {
        PvArray oversized = array(6.5, 5, 30, 180);
        assertThat(power(oversized, MAY, LocalTime.of(11, 40), 1.0)).isEqualTo(5_000.0);
        Instant noon = MAY.atTime(11, 40).atZone(Jst.ZONE).toInstant();
        SolarPosition.Sun sun = SolarPosition.at(noon, SolarPosition.ODAWARA_LATITUDE, SolarPosition.ODAWARA_LONGITUDE);
        assertThat(new PvModel(oversized, 1.0).acPower(sun, 1.0, 20, 1_500)).isEqualTo(1_500.0);
    }

    @Test
    void cloudsCutTheOutput() {
        PvArray south = array(4, 4, 30, 180);
        assertThat(power(south, MAY, LocalTime.of(11, 40), 0.3)).isLessThan(0.45 * power(south, MAY, LocalTime.of(11, 40), 1.0));
    }
}
