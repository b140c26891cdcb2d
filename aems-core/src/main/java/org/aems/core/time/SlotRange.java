package org.aems.core.time;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.stream.Stream;

/** Consecutive slots from {@code first} to {@code last}, both included. */
public record SlotRange(Slot first, Slot last) implements Iterable<Slot> {

    public SlotRange {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
        if (last.compareTo(first) < 0) {
            throw new IllegalArgumentException("slot range must not end (" + last + ") before it starts (" + first + ")");
        }
    }

    public static SlotRange of(Slot first, Slot last) {
        return new SlotRange(first, last);
    }

    /** The 48 slots of a JST day. */
    public static SlotRange day(LocalDate date) {
        return new SlotRange(Slot.of(date, 1), Slot.of(date, Slot.SLOTS_PER_DAY));
    }

    /** Every slot overlapping the half-open interval [from, toExclusive). */
    public static SlotRange covering(Instant from, Instant toExclusive) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(toExclusive, "toExclusive");
        if (!from.isBefore(toExclusive)) {
            throw new IllegalArgumentException("interval must not be empty: from " + from + " to " + toExclusive);
        }
        return new SlotRange(Slot.containing(from), Slot.containing(toExclusive.minusNanos(1)));
    }

    /** Number of slots, both ends included. */
    public int size() {
        return Math.toIntExact(first.until(last) + 1);
    }

    public boolean contains(Slot slot) {
        return slot.compareTo(first) >= 0 && slot.compareTo(last) <= 0;
    }

    /** Start of the first slot. */
    public Instant start() {
        return first.start();
    }

    /** End of the last slot, exclusive. */
    public Instant end() {
        return last.end();
    }

    public Stream<Slot> stream() {
        return Stream.iterate(first, s -> s.compareTo(last) <= 0, Slot::next);
    }

    @Override
    public Iterator<Slot> iterator() {
        return new Iterator<>() {
            private Slot next = first;

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public Slot next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                Slot current = next;
                next = current.equals(last) ? null : current.next();
                return current;
            }
        };
    }
}
