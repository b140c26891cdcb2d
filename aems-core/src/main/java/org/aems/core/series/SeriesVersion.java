package org.aems.core.series;

import java.time.Instant;
import java.util.Objects;

/** One published version of a series: a settlement records the versions it used. */
public record SeriesVersion(SeriesId series, int version, Instant publishedAt, String source) {
    public SeriesVersion {
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(publishedAt, "publishedAt");
        Objects.requireNonNull(source, "source");
        if (version < 1) {
            throw new IllegalArgumentException("series version must be >= 1, was " + version);
        }
    }
}
