package org.aems.core.settlement;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Which JST days are weekdays and which are weekends or public holidays. The holidays are given (the
 * Cabinet Office publishes them each year), so a settlement records the calendar it used.
 */
public record DayTypeCalendar(SortedSet<LocalDate> holidays) {

    public DayTypeCalendar {
        holidays = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(Objects.requireNonNull(holidays, "holidays")));
    }

    public static DayTypeCalendar withHolidays(Set<LocalDate> holidays) {
        return new DayTypeCalendar(new TreeSet<>(holidays));
    }

    /** Weekends only, no public holidays. */
    public static DayTypeCalendar weekendsOnly() {
        return new DayTypeCalendar(new TreeSet<>());
    }

    public DayType dayType(LocalDate day) {
        DayOfWeek dow = day.getDayOfWeek();
        boolean weekend = dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
        return weekend || holidays.contains(day) ? DayType.WEEKEND_OR_HOLIDAY : DayType.WEEKDAY;
    }
}
