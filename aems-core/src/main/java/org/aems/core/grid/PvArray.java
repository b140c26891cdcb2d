package org.aems.core.grid;

import java.util.Objects;
import org.aems.core.unit.Power;

/**
 * A PV system. Its power is generation, ≥ 0; the site meter sees only what the site does not use itself.
 *
 * @param peakPower      DC nameplate (kWp)
 * @param inverterLimit  AC output limit: output above it is clipped
 * @param tiltDegrees    0 = horizontal .. 90 = vertical
 * @param azimuthDegrees compass bearing the panels face, 0..<360, 180 = south
 */
public record PvArray(DeviceId id, Validity validity, boolean curtailable, Power peakPower, Power inverterLimit,
                      double tiltDegrees, double azimuthDegrees) implements Asset {
    public PvArray {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(validity, "validity");
        Objects.requireNonNull(peakPower, "peakPower");
        Objects.requireNonNull(inverterLimit, "inverterLimit");
        if (!peakPower.isPositive() || !inverterLimit.isPositive()) {
            throw new IllegalArgumentException("PV peak power and inverter limit must be positive, were " + peakPower
                    + " and " + inverterLimit);
        }
        if (tiltDegrees < 0 || tiltDegrees > 90 || azimuthDegrees < 0 || azimuthDegrees >= 360) {
            throw new IllegalArgumentException("PV tilt must be within 0..90 degrees and azimuth 0..<360, were " + tiltDegrees
                    + " and " + azimuthDegrees);
        }
    }
}
