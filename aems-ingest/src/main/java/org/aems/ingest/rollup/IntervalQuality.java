package org.aems.ingest.rollup;

/**
 * How far an interval's grid exchange (import/export) can be trusted. Stored as text in
 * {@code site_interval.quality}; the names are a public interface (settlement, dashboards, metrics).
 */
public enum IntervalQuality {
    /** From the meter's registers (fixed values or interpolation) covering the whole slot, no anomaly. */
    MEASURED,
    /**
     * A value exists but is an estimate: power integration, partial coverage pro-rated to the slot, a
     * meter replacement inside the slot, or one direction missing. {@code note} says which.
     */
    ESTIMATED,
    /** No grid-exchange data for the slot: import and export are NULL, never zero. */
    MISSING
}
