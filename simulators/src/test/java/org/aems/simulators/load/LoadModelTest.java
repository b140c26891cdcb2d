package org.aems.simulators.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.aems.core.unit.Energy;
import org.aems.simulators.scenario.LoadProfile;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.junit.jupiter.api.Test;

class LoadModelTest {

    private static final LocalDate WEDNESDAY = LocalDate.of(2022, 8, 3);
    private static final LocalDate SUNDAY = LocalDate.of(2022, 7, 31);
    private static final long MINUTE = 27_000_000L;

    private static LoadModel model(LoadProfile profile, double annualKwh) {
        return new LoadModel(profile, Energy.ofKilowattHours(annualKwh), 0, 1, 2);
    }

    /** What a felt temperature adds over a cool 20 °C, W. */
    private static double cooling(LoadModel model, LocalDate day, double hour, double feltC) {
        boolean workday = WorkCalendar.isWorkday(day);
        return model.powerW(day, workday, false, hour, feltC, MINUTE) - model.powerW(day, workday, false, hour, 20, MINUTE);
    }

    @Test
    void coolsNothingWhileTheFeltTemperatureStaysBelowTheCoolingBase() {
        for (LoadProfile profile : LoadProfile.values()) {
            LoadModel model = model(profile, 50_000);
            assertThat(cooling(model, WEDNESDAY, 14, 21.9)).as(profile.name()).isZero();
            assertThat(cooling(model, SUNDAY, 20, 16)).as(profile.name()).isZero();
        }
    }

    @Test
    void coolsMoreTheWarmerItFeels() {
        LoadModel home = model(LoadProfile.HOUSEHOLD_3P, 4_000);
        assertThat(cooling(home, WEDNESDAY, 15, 26)).isPositive();
        assertThat(cooling(home, WEDNESDAY, 15, 31)).isGreaterThan(1.5 * cooling(home, WEDNESDAY, 15, 26));
    }

    @Test
    void homesCoolMostWhenPeopleAreInAndOfficesWhenTheyWork() {
        LoadModel home = model(LoadProfile.HOUSEHOLD_3P, 4_000);
        LoadModel office = model(LoadProfile.OFFICE, 120_000);
        assertThat(cooling(home, SUNDAY, 14, 30)).isGreaterThan(cooling(home, WEDNESDAY, 14, 30));
        assertThat(cooling(office, WEDNESDAY, 14, 30)).isGreaterThan(5 * cooling(office, SUNDAY, 14, 30));
    }

    @Test
    void isTheSameForTheSameSeedAndSite() {
        LoadModel a = new LoadModel(LoadProfile.SHOP, Energy.ofKilowattHours(60_000), 0.15, 9, 77);
        LoadModel b = new LoadModel(LoadProfile.SHOP, Energy.ofKilowattHours(60_000), 0.15, 9, 77);
        for (long minute = MINUTE; minute < MINUTE + 600; minute += 7) {
            assertThat(a.powerW(WEDNESDAY, true, false, 13.5, 29, minute)).isEqualTo(b.powerW(WEDNESDAY, true, false, 13.5, 29, minute));
        }
    }

    @Test
    void aLargeBuildingWobblesLessWithinTheDayThanASmallOne() {
        double small = wobble(new LoadModel(LoadProfile.OFFICE, Energy.ofKilowattHours(100_000), 0.15, 3, 5));
        double large = wobble(new LoadModel(LoadProfile.OFFICE, Energy.ofKilowattHours(2_500_000), 0.15, 3, 5));
        // same noise draw, sizes 11 kW and 285 kW mean: the wobble shrinks by about sqrt(20 / 285)
        assertThat(large).isLessThan(0.4 * small).isPositive();
    }

    /** Relative standard deviation of the load over a steady afternoon, minute by minute. */
    private static double wobble(LoadModel model) {
        DescriptiveStatistics stats = new DescriptiveStatistics();
        for (long minute = MINUTE; minute < MINUTE + 180; minute++) {
            stats.addValue(model.powerW(WEDNESDAY, true, false, 14, 20, minute));
        }
        return stats.getStandardDeviation() / stats.getMean();
    }
}
