package org.aems.ingest.rollup;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * What one rollup run did.
 *
 * @param ran             false when another instance held the rollup lock and this run did nothing
 * @param slotsComputed   site-slots computed (written or found unchanged)
 * @param written         site intervals inserted or changed, by quality
 * @param feedersWritten  feeder intervals inserted or changed
 */
public record RollupRun(boolean ran, int slotsComputed, Map<IntervalQuality, Integer> written, int feedersWritten,
                        Duration took) {

    public RollupRun {
        Map<IntervalQuality, Integer> copy = new EnumMap<>(IntervalQuality.class);
        copy.putAll(written);
        written = Map.copyOf(copy);
        Objects.requireNonNull(took, "took");
    }

    static RollupRun skipped(Duration took) {
        return new RollupRun(false, 0, Map.of(), 0, took);
    }

    public int siteIntervalsWritten() {
        return written.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int written(IntervalQuality quality) {
        return written.getOrDefault(quality, 0);
    }
}
