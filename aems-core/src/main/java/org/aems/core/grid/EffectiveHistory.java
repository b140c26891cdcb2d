package org.aems.core.grid;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.aems.core.time.Jst;

/**
 * The full history of a value with effective dates (limits, contracts, statuses): entries sorted by
 * {@code from}, no two overlapping, gaps allowed (no value on those days).
 */
public record EffectiveHistory<T>(List<Effective<T>> entries) {

    public EffectiveHistory {
        Objects.requireNonNull(entries, "entries");
        entries = entries.stream().map(e -> Objects.requireNonNull(e, "entry")).sorted(Comparator.comparing(e -> e.validity().from())).toList();
        for (int i = 1; i < entries.size(); i++) {
            Validity previous = entries.get(i - 1).validity();
            Validity current = entries.get(i).validity();
            if (previous.overlaps(current)) {
                throw new IllegalArgumentException("entries from " + previous.from() + " and from " + current.from()
                        + " overlap; end the earlier one (until) on or before " + current.from());
            }
        }
    }

    public static <T> EffectiveHistory<T> empty() {
        return new EffectiveHistory<>(List.of());
    }

    /** One value in force from {@code from} on, open-ended. */
    public static <T> EffectiveHistory<T> of(T value, LocalDate from) {
        return new EffectiveHistory<>(List.of(new Effective<>(Validity.from(from), value)));
    }

    /** The value in force on {@code day}, if any. */
    public Optional<T> at(LocalDate day) {
        return entries.stream().filter(e -> e.validity().contains(day)).map(Effective::value).findFirst();
    }

    /** The value in force today in JST. */
    public Optional<T> current(Clock clock) {
        return at(Jst.today(clock));
    }
}
