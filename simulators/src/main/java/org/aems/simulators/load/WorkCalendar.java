package org.aems.simulators.load;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.temporal.TemporalAdjusters;
import java.util.Set;

/**
 * Which days businesses work, as load sees it: weekends, national holidays (fixed and "Happy Monday"
 * ones, equinoxes approximated to the 20th of March and 23rd of September) and the customary closures
 * of New Year and Obon. An approximation for load shapes, not the legal holiday calendar (no substitute
 * holidays).
 */
public final class WorkCalendar {

    private static final Set<MonthDay> FIXED = Set.of(MonthDay.of(1, 1), MonthDay.of(1, 2), MonthDay.of(1, 3),
            MonthDay.of(2, 11), MonthDay.of(2, 23), MonthDay.of(3, 20), MonthDay.of(4, 29), MonthDay.of(5, 3),
            MonthDay.of(5, 4), MonthDay.of(5, 5), MonthDay.of(8, 11), MonthDay.of(8, 13), MonthDay.of(8, 14),
            MonthDay.of(8, 15), MonthDay.of(9, 23), MonthDay.of(11, 3), MonthDay.of(11, 23), MonthDay.of(12, 29),
            MonthDay.of(12, 30), MonthDay.of(12, 31));

    private WorkCalendar() {
    }

    /** False on weekends, holidays and customary closures. */
    public static boolean isWorkday(LocalDate date) {
        DayOfWeek dow = date.getDayOfWeek();
        if (dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY || FIXED.contains(MonthDay.from(date))) {
            return false;
        }
        return !(happyMonday(date, 1, 2) || happyMonday(date, 7, 3) || happyMonday(date, 9, 3) || happyMonday(date, 10, 2));
    }

    /** Schools' summer, winter and spring breaks, when school buildings run at a fraction of their term load. */
    public static boolean isSchoolBreak(LocalDate date) {
        MonthDay md = MonthDay.from(date);
        return !md.isBefore(MonthDay.of(7, 21)) && !md.isAfter(MonthDay.of(8, 31))
                || !md.isBefore(MonthDay.of(12, 25)) || !md.isAfter(MonthDay.of(1, 7))
                || !md.isBefore(MonthDay.of(3, 25)) && !md.isAfter(MonthDay.of(4, 5));
    }

    private static boolean happyMonday(LocalDate date, int month, int nth) {
        return date.getMonthValue() == month
                && date.equals(date.with(TemporalAdjusters.dayOfWeekInMonth(nth, DayOfWeek.MONDAY)));
    }
}
