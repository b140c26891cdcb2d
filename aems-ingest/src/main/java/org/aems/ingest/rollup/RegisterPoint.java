package org.aems.ingest.rollup;

import java.time.Instant;
import java.util.Objects;

/**
 * One value of a cumulative register, in Wh.
 *
 * @param fixed true for a value the meter fixed at a 30-minute boundary (ECHONET Lite 0xEA/0xEB),
 *              false for a register read at an arbitrary time (0xE0/0xE3, or an inverter's total)
 */
public record RegisterPoint(Instant at, double wattHours, boolean fixed) {
    public RegisterPoint {
        Objects.requireNonNull(at, "at");
        if (!Double.isFinite(wattHours) || wattHours < 0) {
            throw new IllegalArgumentException("register value must be a finite, non-negative Wh amount, was " + wattHours);
        }
    }
}
