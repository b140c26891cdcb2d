package org.aems.core.settlement;

/**
 * How far the grid exchange of an interval can be trusted, as the interval table stores it
 * ({@code site_interval.quality}, ADR 0008). A statement counts the slots of each quality it billed on.
 */
public enum IntervalQuality {
    /** From the meter's registers over the whole slot. */
    MEASURED,
    /** A value exists but is an estimate (pro-rated, power-integrated, meter replaced in the slot). */
    ESTIMATED,
    /** No value: such a slot is never billed as zero; the statement counts it as missing. */
    MISSING
}
