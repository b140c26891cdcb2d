package org.aems.core.settlement;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.aems.core.time.JapaneseHolidays;

/**
 * Which JST days are weekdays and which are weekends or public holidays. The holidays are given (the
 * Cabinet Office publishes them each year; {@link #japan} takes them from the bundled dataset), so a
 * settlement records the calendar it used and a recompute uses that record, not today's dataset.
 */
public record DayTypeCalendar(SortedSet<LocalDate> holidays) {

    public DayTypeCalendar {
        holidays = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(Objects.requireNonNull(holidays, "holidays")));
    }

    public static DayTypeCalendar withHolidays(Set<LocalDate> holidays) {
        return new DayTypeCalendar(new TreeSet<>(holidays));
    }

    /** Japan's public holidays in [from, until) from the bundled dataset, plus {@code extra} days treated alike. */
    public static DayTypeCalendar japan(LocalDate from, LocalDate until, Set<LocalDate> extra) {
        TreeSet<LocalDate> days = new TreeSet<>(JapaneseHolidays.bundled().between(from, until));
        days.addAll(extra);
        return new DayTypeCalendar(days);
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
