package org.aems.core.time;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * A 30-minute market slot (コマ): a JST calendar day and an index 1..48, slot 1 being 00:00–00:30 JST.
 * Everything planned, priced or settled is per slot. Written "2026-05-12#25".
 */
public record Slot(LocalDate date, int index) implements Comparable<Slot> {

    public static final int SLOTS_PER_DAY = 48;
    public static final Duration DURATION = Duration.ofMinutes(30);
    /** Gate closure (計画値同時同量): one hour before the slot starts. */
    public static final Duration GATE_CLOSURE_LEAD = Duration.ofHours(1);

    public Slot {
        Objects.requireNonNull(date, "date");
        if (index < 1 || index > SLOTS_PER_DAY) {
            throw new IllegalArgumentException("slot index must be within 1..48, was " + index);
        }
    }

    public static Slot of(LocalDate date, int index) {
        return new Slot(date, index);
    }

    /**
     * The slot an instant falls in (a slot includes its start and excludes its end). Counts elapsed time
     * since the JST day's start rather than wall-clock minutes, so it agrees with {@link #start()} even if
     * the zone ever had a day that is not 24 h long (Japan has had no DST since 1951).
     */
    public static Slot containing(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        ZonedDateTime jst = instant.atZone(Jst.ZONE);
        LocalDate date = jst.toLocalDate();
        long elapsed = Duration.between(date.atStartOfDay(Jst.ZONE), jst).toMillis();
        return new Slot(date, Math.toIntExact(elapsed / DURATION.toMillis()) + 1);
    }

    /** Parses "2026-05-12#25", the form {@link #toString()} writes. */
    public static Slot parse(String text) {
        Objects.requireNonNull(text, "text");
        int hash = text.indexOf('#');
        if (hash < 0) {
            throw new IllegalArgumentException("slot must look like 2026-05-12#25, was '" + text + "'");
        }
        try {
            return new Slot(LocalDate.parse(text.substring(0, hash)), Integer.parseInt(text.substring(hash + 1)));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("slot must look like 2026-05-12#25, was '" + text + "'", e);
        }
    }

    /** The JST wall-clock time the slot starts at (slot 25 → 12:00). */
    public LocalTime startLocalTime() {
        return LocalTime.MIDNIGHT.plusMinutes(30L * (index - 1));
    }

    /** The instant the slot starts, computed through the zone rules of {@link Jst#ZONE}. */
    public Instant start() {
        return date.atStartOfDay(Jst.ZONE).plusMinutes(30L * (index - 1)).toInstant();
    }

    /** Exclusive: the start of the next slot. */
    public Instant end() {
        return next().start();
    }

    /** {@link #start()} minus {@link #GATE_CLOSURE_LEAD}. */
    public Instant gateClosure() {
        return start().minus(GATE_CLOSURE_LEAD);
    }

    /** True from gate closure on: the plan for this slot can no longer change. */
    public boolean isGateClosedAt(Instant instant) {
        return !instant.isBefore(gateClosure());
    }

    public Slot next() {
        return index == SLOTS_PER_DAY ? new Slot(date.plusDays(1), 1) : new Slot(date, index + 1);
    }

    public Slot previous() {
        return index == 1 ? new Slot(date.minusDays(1), SLOTS_PER_DAY) : new Slot(date, index - 1);
    }

    /** The slot {@code slots} later (earlier when negative), across days. */
    public Slot plus(long slots) {
        long ordinal = ordinal() + slots;
        return new Slot(LocalDate.ofEpochDay(Math.floorDiv(ordinal, SLOTS_PER_DAY)), (int) Math.floorMod(ordinal, SLOTS_PER_DAY) + 1);
    }

    /** Number of slots from this one to {@code other} (negative when other is earlier). */
    public long until(Slot other) {
        return other.ordinal() - ordinal();
    }

    private long ordinal() {
        return date.toEpochDay() * SLOTS_PER_DAY + index - 1;
    }

    @Override
    public int compareTo(Slot other) {
        return Long.compare(ordinal(), other.ordinal());
    }

    @Override
    public String toString() {
        return date + "#" + index;
    }

}
