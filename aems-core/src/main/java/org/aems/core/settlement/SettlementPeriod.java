package org.aems.core.settlement;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;
import org.aems.core.time.Jst;
import org.aems.core.time.Slot;
import org.aems.core.time.SlotRange;

/**
 * The JST calendar days a settlement covers, {@code from} inclusive to {@code until} exclusive. A calendar
 * month starts at 00:00 JST on the 1st, i.e. 15:00 UTC on the last day of the month before; a
 * meter-reading period (計量日) runs from one reading day to the next.
 */
public record SettlementPeriod(Kind kind, LocalDate from, LocalDate until) {

    /** How the period was chosen. */
    public enum Kind {
        CALENDAR_MONTH,
        /** From the previous meter-reading day (included) to this one (excluded). */
        METER_READING
    }

    public SettlementPeriod {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        if (!until.isAfter(from)) {
            throw new IllegalArgumentException("settlement period until (" + until + ", exclusive) must be after from (" + from + ")");
        }
        if (from.plusDays(62).isBefore(until)) {
            throw new IllegalArgumentException("settlement period must be at most 62 days, was " + from + " until " + until);
        }
    }

    public static SettlementPeriod calendarMonth(YearMonth month) {
        return new SettlementPeriod(Kind.CALENDAR_MONTH, month.atDay(1), month.plusMonths(1).atDay(1));
    }

    public static SettlementPeriod meterReading(LocalDate previousReadingDay, LocalDate readingDay) {
        return new SettlementPeriod(Kind.METER_READING, previousReadingDay, readingDay);
    }

    /** 00:00 JST on {@code from}, as an instant. */
    public Instant start() {
        return from.atStartOfDay(Jst.ZONE).toInstant();
    }

    /** 00:00 JST on {@code until}, exclusive. */
    public Instant end() {
        return until.atStartOfDay(Jst.ZONE).toInstant();
    }

    public SlotRange slots() {
        return SlotRange.of(Slot.of(from, 1), Slot.of(until.minusDays(1), Slot.SLOTS_PER_DAY));
    }

    @Override
    public String toString() {
        return kind + " " + from + ".." + until.minusDays(1);
    }
}
