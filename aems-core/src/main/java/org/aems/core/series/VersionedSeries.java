package org.aems.core.series;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An external series (JEPX prices, imbalance prices, CO2 factors) with its full version history.
 * Immutable. A version is a list of values; for each period it covers it replaces what earlier versions
 * said, and elsewhere the earlier values stay. Asking "as known at" an instant ignores versions
 * published after it, so a settlement can be repeated exactly.
 *
 * <p>Versions must come in order: each has a higher number, is published no earlier than the one before,
 * and its own values must not overlap one another.
 */
public final class VersionedSeries<V> {

    private final SeriesId id;
    private final List<SeriesVersion> versions;
    private final List<SeriesValue<V>> values;

    private VersionedSeries(SeriesId id, List<SeriesVersion> versions, List<SeriesValue<V>> values) {
        this.id = id;
        this.versions = versions;
        this.values = values;
    }

    public static <V> VersionedSeries<V> empty(SeriesId id) {
        return new VersionedSeries<>(Objects.requireNonNull(id, "id"), List.of(), List.of());
    }

    public SeriesId id() {
        return id;
    }

    /** All versions, oldest first. */
    public List<SeriesVersion> versions() {
        return versions;
    }

    /** Every value of every version, each version's in time order, oldest version first. */
    public List<SeriesValue<V>> values() {
        return values;
    }

    public Optional<SeriesVersion> latestVersion() {
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
    }

    /**
     * A new series with {@code version} added. Fails when the version belongs to another series, its number
     * is not higher than the latest, it was published before the latest, a value carries another version,
     * or two of its values overlap.
     */
    public VersionedSeries<V> withVersion(SeriesVersion version, List<SeriesValue<V>> versionValues) {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(versionValues, "versionValues");
        if (!version.series().equals(id)) {
            throw new IllegalArgumentException("version of series " + version.series() + " added to series " + id);
        }
        Optional<SeriesVersion> latest = latestVersion();
        if (latest.isPresent() && version.version() <= latest.get().version()) {
            throw new IllegalArgumentException("series " + id + " version " + version.version() + " must be > "
                    + latest.get().version() + ", the latest");
        }
        if (latest.isPresent() && version.publishedAt().isBefore(latest.get().publishedAt())) {
            throw new IllegalArgumentException("series " + id + " version " + version.version() + " published at "
                    + version.publishedAt() + " must not be before version " + latest.get().version() + " ("
                    + latest.get().publishedAt() + ")");
        }
        List<SeriesValue<V>> sorted = versionValues.stream()
                .sorted(Comparator.comparing(SeriesValue::from)).toList();
        for (int i = 0; i < sorted.size(); i++) {
            SeriesValue<V> v = sorted.get(i);
            if (!v.version().equals(version)) {
                throw new IllegalArgumentException("value from " + v.from() + " carries version " + v.version().version()
                        + ", not " + version.version());
            }
            if (i > 0 && sorted.get(i - 1).until().isAfter(v.from())) {
                throw new IllegalArgumentException("series " + id + " version " + version.version() + " has overlapping values: ["
                        + sorted.get(i - 1).from() + ", " + sorted.get(i - 1).until() + ") and [" + v.from() + ", " + v.until() + ")");
            }
        }
        List<SeriesVersion> allVersions = new ArrayList<>(versions);
        allVersions.add(version);
        List<SeriesValue<V>> all = new ArrayList<>(values);
        all.addAll(sorted);
        return new VersionedSeries<>(id, List.copyOf(allVersions), List.copyOf(all));
    }

    /** The value at {@code at} from the newest version that covers it. */
    public Optional<SeriesValue<V>> valueAt(Instant at) {
        Objects.requireNonNull(at, "at");
        return values.stream().filter(v -> v.covers(at))
                .max(Comparator.comparingInt(v -> v.version().version()));
    }

    /**
     * The value at {@code at} as it was known at {@code knownAt}: versions published after {@code knownAt}
     * are ignored (one published exactly then counts).
     */
    public Optional<SeriesValue<V>> valueAt(Instant at, Instant knownAt) {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(knownAt, "knownAt");
        return values.stream().filter(v -> v.covers(at) && !v.version().publishedAt().isAfter(knownAt))
                .max(Comparator.comparingInt(v -> v.version().version()));
    }

    @Override
    public String toString() {
        return "VersionedSeries[" + id + ", versions " + versions.size() + ", values " + values.size() + "]";
    }
}
