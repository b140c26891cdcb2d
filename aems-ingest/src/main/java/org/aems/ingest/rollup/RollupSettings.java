package org.aems.ingest.rollup;

import java.time.Duration;
import org.aems.core.unit.Power;

/**
 * The interval rollup (prefix {@code aems.ingest.rollup}; {@code enabled}, default true, switches it off).
 *
 * @param interval        pause between runs; default 20 s
 * @param overlap         how far back of the watermark each run rescans {@code received_at}, because ingest
 *                        stamps it before its batch commits; default 2 min (a commit slower than this is missed)
 * @param closeDelay      a slot is computed once its end is this far in the past, so the first readings after
 *                        the boundary (and the fixed values) are in; default 30 s
 * @param maxGap          widest pair of register readings a boundary value is interpolated between; at least one
 *                        slot (30 min), default 2 h
 * @param powerHold       how long one power reading stands for when integrating power; default 5 min
 * @param maxSitePowerKw  the most power a site can plausibly draw or feed, in kW; a register step beyond it is a
 *                        meter change, not energy; default 2,000 kW (the top of high-voltage supply)
 * @param batchSize       site-slots loaded per query; default 500
 */
public record RollupSettings(Duration interval, Duration overlap, Duration closeDelay, Duration maxGap, Duration powerHold,
                             long maxSitePowerKw, int batchSize) {

    public RollupSettings {
        interval = interval == null ? Duration.ofSeconds(20) : interval;
        overlap = overlap == null ? Duration.ofMinutes(2) : overlap;
        closeDelay = closeDelay == null ? Duration.ofSeconds(30) : closeDelay;
        maxGap = maxGap == null ? Duration.ofHours(2) : maxGap;
        powerHold = powerHold == null ? Duration.ofMinutes(5) : powerHold;
        maxSitePowerKw = maxSitePowerKw == 0 ? 2_000 : maxSitePowerKw;
        batchSize = batchSize == 0 ? 500 : batchSize;
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("aems.ingest.rollup.interval must be > 0, was " + interval);
        }
        if (overlap.isNegative() || closeDelay.isNegative()) {
            throw new IllegalArgumentException("aems.ingest.rollup.overlap and close-delay must be >= 0, were " + overlap
                    + " and " + closeDelay);
        }
        if (maxGap.compareTo(Duration.ofMinutes(30)) < 0) {
            throw new IllegalArgumentException("aems.ingest.rollup.max-gap must be at least one slot (30 min), was " + maxGap);
        }
        if (powerHold.isNegative() || powerHold.isZero()) {
            throw new IllegalArgumentException("aems.ingest.rollup.power-hold must be > 0, was " + powerHold);
        }
        if (maxSitePowerKw < 1 || batchSize < 1) {
            throw new IllegalArgumentException("aems.ingest.rollup.max-site-power-kw and batch-size must be >= 1, were "
                    + maxSitePowerKw + " kW and " + batchSize);
        }
    }

    /** All defaults. */
    public static RollupSettings defaults() {
        return new RollupSettings(null, null, null, null, null, 0, 0);
    }

    public Power maxSitePower() {
        return Power.ofWatts(Math.multiplyExact(maxSitePowerKw, 1000L));
    }
}
