package org.aems.ingest.rollup;

/**
 * Where an interval's import/export came from, strongest first. When import and export came from
 * different sources, the interval carries the weaker one.
 */
public enum IntervalSource {
    /** The meter's registers fixed at both slot boundaries (ECHONET Lite 0xEA/0xEB). */
    FIXED_VALUE,
    /** Register values at the slot boundaries interpolated linearly from the nearest readings around them. */
    REGISTER_INTERPOLATED,
    /** Integration of the meter's instantaneous power (0xE7): only where no register reading exists. */
    POWER_INTEGRATED,
    /** Nothing: the interval is {@link IntervalQuality#MISSING}. */
    NONE;

    /** The weaker (later) of two sources. */
    public IntervalSource weaker(IntervalSource other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
