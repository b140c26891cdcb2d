package org.aems.optimizer.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.StringReader;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeMap;
import org.aems.core.time.JapaneseHolidays;
import org.aems.core.time.Slot;
import org.junit.jupiter.api.Test;

class ForecastTest {

    private static final LocalDate START = LocalDate.of(2022, 7, 4); // a Monday

    /** Workdays 100 + slot, weekends 50 + slot; from {@code shiftFrom} on, workdays 20 higher. */
    private static SlotSeries weekly(int days, LocalDate shiftFrom) {
        TreeMap<Slot, Double> values = new TreeMap<>();
        for (int d = 0; d < days; d++) {
            LocalDate day = START.plusDays(d);
            boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY
                    || JapaneseHolidays.bundled().isHoliday(day); // 2022-07-18, 海の日
            for (int s = 1; s <= 48; s++) {
                double v = (weekend ? 50 : 100) + s + (!weekend && !day.isBefore(shiftFrom) ? 20 : 0);
                values.put(Slot.of(day, s), v);
            }
        }
        return new SlotSeries("demand", "kWh", values);
    }

    @Test
    void theProfileForecastsEachDayTypeFromItsOwnKindOfDay() {
        SlotSeries history = weekly(28, LocalDate.MAX);
        LocalDate saturday = START.plusDays(26);
        LocalDate monday = START.plusDays(28);

        assertThat(new ProfileForecaster().forecast(history, saturday, Slot.of(saturday.minusDays(1), 25))[9]).isCloseTo(60, within(1e-9));
        assertThat(new ProfileForecaster().forecast(history, monday, Slot.of(monday.minusDays(1), 25))[9]).isCloseTo(110, within(1e-9));
        // Marine Day, a Monday holiday, is forecast from weekends and holidays.
        LocalDate marineDay = LocalDate.of(2022, 7, 18);
        assertThat(new ProfileForecaster().forecast(history, marineDay, Slot.of(marineDay.minusDays(1), 25))[9]).isCloseTo(60, within(1e-9));
        // Persistence repeats Sunday for Monday: a weekend level on a workday.
        assertThat(new PersistenceForecaster().forecast(history, monday, Slot.of(monday.minusDays(1), 25))[9]).isCloseTo(60, within(1e-9));
    }

    @Test
    void recentDaysWeighMoreSoALevelShiftIsFollowedQuickly() {
        SlotSeries history = weekly(35, START.plusDays(28)); // workdays +20 from the fifth Monday
        LocalDate friday = START.plusDays(32);

        double forecast = new ProfileForecaster(28, 0.85).forecast(history, friday, Slot.of(friday.minusDays(1), 25))[0];
        double flat = new ProfileForecaster(28, 1.0).forecast(history, friday, Slot.of(friday.minusDays(1), 25))[0];

        // Known at issue: four shifted workdays (Mon-Thu noon) out of 20; recency pulls the forecast toward 121.
        assertThat(flat).isBetween(101.0, 110.0);
        assertThat(forecast).isGreaterThan(flat + 4);
    }

    @Test
    void theForecastOnlyUsesWhatWasKnownAtIssueTime() {
        SlotSeries history = weekly(30, LocalDate.MAX);
        LocalDate day = START.plusDays(20);
        double[] withFuture = new ProfileForecaster().forecast(history, day, Slot.of(day.minusDays(1), 25));
        double[] cut = new ProfileForecaster().forecast(history.before(Slot.of(day.minusDays(1), 25)), day, Slot.of(day.minusDays(1), 25));
        assertThat(withFuture).containsExactly(cut);
    }

    @Test
    void theBacktestScoresTheProfileBetterThanPersistenceOnAWeeklyPattern() {
        SlotSeries history = weekly(28, LocalDate.MAX);
        Backtest backtest = new Backtest(7);

        Backtest.Result profile = backtest.run(history, new ProfileForecaster());
        Backtest.Result persistence = backtest.run(history, new PersistenceForecaster());

        assertThat(profile.days()).isEqualTo(21);
        assertThat(profile.overall().nmae()).isCloseTo(0, within(1e-12));
        assertThat(persistence.overall().nmae()).isGreaterThan(0.05);
        assertThat(profile.horizons()).extracting(Backtest.HorizonError::horizon)
                .containsExactly("12.5-18 h", "18.5-24 h", "24.5-30 h", "30.5-36 h");
    }

    @Test
    void aCsvBecomesSlotMeansPerColumnAndBadCellsAreNamed() throws Exception {
        List<SlotSeries> series = SlotSeriesCsv.read(new StringReader("""
                jst_time,demand_mw,solar_mw
                2022-07-19T00:00+09:00,30240,0
                2022-07-19T00:05+09:00,30110,0
                2022-07-19T00:30+09:00,29000,10
                """), "MW");
        assertThat(series).extracting(SlotSeries::name).containsExactly("demand_mw", "solar_mw");
        assertThat(series.get(0).at(Slot.of(LocalDate.of(2022, 7, 19), 1)).getAsDouble()).isEqualTo(30175.0);
        assertThat(series.get(1).at(Slot.of(LocalDate.of(2022, 7, 19), 2)).getAsDouble()).isEqualTo(10.0);

        assertThatThrownBy(() -> SlotSeriesCsv.read(new StringReader("t,v\n2022-07-19T00:00+09:00,abc\n"), "MW"))
                .hasMessage("line 1, column v: 'abc' is not a number");
        assertThatThrownBy(() -> SlotSeriesCsv.read(new StringReader("t,v\n2022-07-19 00:00,1\n"), "MW"))
                .hasMessageStartingWith("line 1: '2022-07-19 00:00' is not an ISO-8601 time with offset");
    }
}
