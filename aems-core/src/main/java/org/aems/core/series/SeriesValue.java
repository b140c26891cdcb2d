package org.aems.core.series;

import java.time.Instant;
import java.util.Objects;

/**
 * A value in force over [from, until) and the version it came from. Half-open periods serve per-slot
 * prices (30 min) and per-fiscal-year CO2 factors alike.
 */
public record SeriesValue<V>(Instant from, Instant until, V value, SeriesVersion version) {
    public SeriesValue {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(version, "version");
        if (!until.isAfter(from)) {
            throw new IllegalArgumentException("series value period must not be empty: from " + from + " until " + until);
        }
    }

    /** Whether {@code at} falls in [from, until). */
    public boolean covers(Instant at) {
        return !at.isBefore(from) && at.isBefore(until);
    }
}
