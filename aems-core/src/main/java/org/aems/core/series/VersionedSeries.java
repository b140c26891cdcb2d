package org.aems.core.series;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An external series with its full version history. A newer version replaces older values where it has
 * one; asking "as known at" an instant ignores versions published later, so a settlement can be
 * repeated exactly. Immutable.
 */
public final class VersionedSeries<V> {

    private final SeriesId id;
    private final List<SeriesValue<V>> values;
    private final int latestVersion;

    private VersionedSeries(SeriesId id, List<SeriesValue<V>> values, int latestVersion) {
        this.id = id;
        this.values = values;
        this.latestVersion = latestVersion;
    }

    public static <V> VersionedSeries<V> empty(SeriesId id) {
        return new VersionedSeries<>(Objects.requireNonNull(id, "id"), List.of(), 0);
    }

    public SeriesId id() {
        return id;
    }

    /** A new series with {@code version} added; its number must be higher than every earlier one. */
    public VersionedSeries<V> withVersion(SeriesVersion version, List<SeriesValue<V>> versionValues) {
        if (!version.series().equals(id)) {
            throw new IllegalArgumentException("version of series " + version.series() + " added to series " + id);
        }
        if (version.version() <= latestVersion) {
            throw new IllegalArgumentException("series " + id + " version " + version.version() + " must be > "
                    + latestVersion + ", the latest");
        }
        for (SeriesValue<V> v : versionValues) {
            if (!v.version().equals(version)) {
                throw new IllegalArgumentException("value from " + v.from() + " carries version " + v.version().version()
                        + ", not " + version.version());
            }
        }
        List<SeriesValue<V>> all = new ArrayList<>(values);
        all.addAll(versionValues);
        return new VersionedSeries<>(id, List.copyOf(all), version.version());
    }

    /** The newest version's value at {@code at}. */
    public Optional<SeriesValue<V>> valueAt(Instant at) {
        return values.stream().filter(v -> v.covers(at))
                .max(Comparator.comparingInt(v -> v.version().version()));
    }

    /** The value at {@code at} as it was known at {@code knownAt}: versions published after are ignored. */
    public Optional<SeriesValue<V>> valueAt(Instant at, Instant knownAt) {
        return values.stream().filter(v -> v.covers(at) && !v.version().publishedAt().isAfter(knownAt))
                .max(Comparator.comparingInt(v -> v.version().version()));
    }
}
