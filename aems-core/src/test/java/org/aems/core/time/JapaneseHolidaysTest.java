package org.aems.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Set;
import org.aems.core.settlement.DayType;
import org.aems.core.settlement.DayTypeCalendar;
import org.junit.jupiter.api.Test;

/** The 2026 calendar as the Cabinet Office published it, including the days rule-of-thumb calendars miss. */
class JapaneseHolidaysTest {

    private final JapaneseHolidays holidays = JapaneseHolidays.bundled();

    @Test
    void the2026CalendarHasItsEquinoxesSubstituteAndCitizensHolidays() {
        assertThat(holidays.between(LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1))).hasSize(18).contains(
                LocalDate.of(2026, 3, 20),  // 春分の日 (an equinox: set each year, not a fixed date)
                LocalDate.of(2026, 5, 6),   // 振替休日 for こどもの日 ... the 3rd fell on a Sunday
                LocalDate.of(2026, 9, 22),  // 国民の休日: between 敬老の日 and 秋分の日
                LocalDate.of(2026, 9, 23),
                LocalDate.of(2026, 2, 23)); // 天皇誕生日 since 2020, not 12-23
        assertThat(holidays.name(LocalDate.of(2026, 9, 22))).contains("休日");
        assertThat(holidays.isHoliday(LocalDate.of(2026, 12, 23))).isFalse();
        assertThat(holidays.isHoliday(LocalDate.of(2026, 1, 12))).isTrue(); // 成人の日, second Monday
    }

    @Test
    void timeOfUseDayTypesTakeTheSubstituteHolidayAsAHolidayAndAddTheConfiguredDays() {
        DayTypeCalendar may = DayTypeCalendar.japan(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 6, 1),
                Set.of(LocalDate.of(2026, 5, 7)));
        assertThat(may.holidays()).containsExactly(LocalDate.of(2026, 5, 3), LocalDate.of(2026, 5, 4), LocalDate.of(2026, 5, 5),
                LocalDate.of(2026, 5, 6), LocalDate.of(2026, 5, 7));
        assertThat(may.dayType(LocalDate.of(2026, 5, 6))).isEqualTo(DayType.WEEKEND_OR_HOLIDAY); // a Wednesday
        assertThat(may.dayType(LocalDate.of(2026, 5, 8))).isEqualTo(DayType.WEEKDAY);
    }

    @Test
    void aYearTheDatasetDoesNotCoverFailsInsteadOfPretendingItHasNoHolidays() {
        assertThatThrownBy(() -> holidays.isHoliday(LocalDate.of(2051, 1, 1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the bundled Japanese holiday calendar covers 1970-2050, not 2051-01-01; update aems-core's"
                        + " holidays-jp.csv (docs/adr/0015-japanese-holidays.md)");
    }
}
