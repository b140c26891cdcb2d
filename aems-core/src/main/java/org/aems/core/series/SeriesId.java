package org.aems.core.series;

import java.util.Objects;

/** Names an external series, e.g. "jepx.spot.tokyo", "imbalance.tokyo", "co2.tepco-ep". */
public record SeriesId(String value) {
    public SeriesId {
        Objects.requireNonNull(value, "series id");
        if (value.isBlank()) {
            throw new IllegalArgumentException("series id must not be blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
