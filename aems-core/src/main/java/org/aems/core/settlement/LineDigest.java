package org.aems.core.settlement;

import org.aems.core.time.Slot;
import org.aems.core.unit.YenPerKwh;

/**
 * A 64-bit digest of a set of slot lines that does not depend on their order (a wrapping sum of mixed
 * per-line hashes), so a run that streams intervals in any order and a recompute that reads one site in
 * slot order agree. It detects changed inputs; it is not a cryptographic signature.
 */
public final class LineDigest {

    private LineDigest() {
    }

    public static long of(SlotLine line) {
        return of(line.slot(), line.energy().wattHours(), line.unitPrice(), line.quality());
    }

    public static long of(Slot slot, long wattHours, YenPerKwh unitPrice, IntervalQuality quality) {
        return of(slot, wattHours, unitPrice, quality, ValueSource.GATEWAY);
    }

    /**
     * The digest of one line with its source: a certified value replacing an equal gateway value changes the
     * digest. Gateway lines digest as they did before sources existed, so older statements still reproduce.
     */
    public static long of(Slot slot, long wattHours, YenPerKwh unitPrice, IntervalQuality quality, ValueSource source) {
        // The slot as a number (JST day × 48 + index): Slot.start() goes through the zone rules, too slow per line.
        long h = slot.date().toEpochDay() * Slot.SLOTS_PER_DAY + slot.index();
        h = h * 31 + wattHours;
        h = h * 31 + unitPrice.value().hashCode(); // scale included: the same inputs give the same scale
        h = h * 31 + quality.ordinal();
        if (source == ValueSource.CERTIFIED) {
            h = h * 31 + 0x43455254; // "CERT"
        }
        return mix(h);
    }

    /** SplitMix64's finaliser: spreads every input bit over the output. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** The form stored and shown: 16 hex digits. */
    public static String format(long digest) {
        return String.format("%016x", digest);
    }

    public static long parse(String hex) {
        return Long.parseUnsignedLong(hex, 16);
    }
}
