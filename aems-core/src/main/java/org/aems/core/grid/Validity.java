package org.aems.core.grid;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The JST calendar days on which something is in force: from {@code from} (inclusive) until
 * {@code until} (exclusive); {@code until} null means open-ended.
 */
public record Validity(LocalDate from, LocalDate until) {

    public Validity {
        Objects.requireNonNull(from, "from");
        if (until != null && !until.isAfter(from)) {
            throw new IllegalArgumentException("validity until (" + until + ", exclusive) must be after from (" + from + ")");
        }
    }

    public static Validity from(LocalDate from) {
        return new Validity(from, null);
    }

    public static Validity between(LocalDate from, LocalDate until) {
        return new Validity(from, until);
    }

    public boolean isOpenEnded() {
        return until == null;
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(from) && (until == null || day.isBefore(until));
    }

    public boolean overlaps(Validity other) {
        return (other.until == null || from.isBefore(other.until)) && (until == null || other.from.isBefore(until));
    }
}
