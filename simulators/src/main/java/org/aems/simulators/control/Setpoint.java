package org.aems.simulators.control;

import java.time.Instant;
import java.util.Objects;

/**
 * A commanded power a device holds while {@code validFrom <= t < validUntil}; afterwards the device
 * returns to its own default mode.
 *
 * @param watts battery + = charge; EV charger + = charge, − = V2X; PV: the AC output limit (≥ 0)
 */
public record Setpoint(String commandId, double watts, Instant validFrom, Instant validUntil) {
    public Setpoint {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validUntil, "validUntil");
    }

    public boolean activeAt(Instant t) {
        return !t.isBefore(validFrom) && t.isBefore(validUntil);
    }

    public boolean lapsedAt(Instant t) {
        return !t.isBefore(validUntil);
    }
}
