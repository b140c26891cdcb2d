package org.aems.simulators.load;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Set;
import org.aems.core.time.JapaneseHolidays;

/**
 * Which days businesses work, as load sees it: weekends, Japan's public holidays (the bundled calendar,
 * substitute and citizens' holidays included) and the customary closures of New Year and Obon.
 */
public final class WorkCalendar {

    private static final Set<MonthDay> CUSTOMARY_CLOSURES = Set.of(MonthDay.of(1, 2), MonthDay.of(1, 3), MonthDay.of(8, 13),
            MonthDay.of(8, 14), MonthDay.of(8, 15), MonthDay.of(12, 29), MonthDay.of(12, 30), MonthDay.of(12, 31));

    private WorkCalendar() {
    }

    /** False on weekends, holidays and customary closures. */
    public static boolean isWorkday(LocalDate date) {
        DayOfWeek dow = date.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY && !CUSTOMARY_CLOSURES.contains(MonthDay.from(date))
                && !JapaneseHolidays.bundled().isHoliday(date);
    }

    /** Schools' summer, winter and spring breaks, when school buildings run at a fraction of their term load. */
    public static boolean isSchoolBreak(LocalDate date) {
        MonthDay md = MonthDay.from(date);
        return !md.isBefore(MonthDay.of(7, 21)) && !md.isAfter(MonthDay.of(8, 31))
                || !md.isBefore(MonthDay.of(12, 25)) || !md.isAfter(MonthDay.of(1, 7))
                || !md.isBefore(MonthDay.of(3, 25)) && !md.isAfter(MonthDay.of(4, 5));
    }
}
