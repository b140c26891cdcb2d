package org.aems.core.telemetry;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import org.aems.core.grid.DeviceId;
import org.aems.core.grid.SiteId;

/**
 * A setpoint sent to a gateway on {@code aems/v1/sites/{siteId}/commands} (schema {@value #SCHEMA}, QoS 1).
 * The gateway answers on {@code .../command-acks} with a {@link CommandAck}.
 *
 * @param setpointWatts for {@link Action#SET_POWER}: battery + = charge, − = discharge; EV + = charge, − = V2X;
 *                      for {@link Action#LIMIT_PV}: the PV inverter's maximum AC output (>= 0); ignored for
 *                      {@link Action#RESUME_AUTO}
 * @param validUntil    after this instant the device returns to its own default mode unless a new command came
 */
public record Command(String commandId, SiteId siteId, DeviceId device, Action action, BigDecimal setpointWatts,
                      Instant validFrom, Instant validUntil, Instant issuedAt) {

    public static final String SCHEMA = "aems.command.v1";

    public enum Action {
        /** Hold the device's power at the setpoint (battery or EV charger). */
        SET_POWER,
        /** Cap the PV inverter's output (curtailment, only for assets the platform may curtail). */
        LIMIT_PV,
        /** Return to the device's default mode (self-consumption, charge on plug-in). */
        RESUME_AUTO
    }

    public Command {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(setpointWatts, "setpointWatts");
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validUntil, "validUntil");
        Objects.requireNonNull(issuedAt, "issuedAt");
        if (!validUntil.isAfter(validFrom)) {
            throw new IllegalArgumentException("command validUntil " + validUntil + " must be after validFrom " + validFrom);
        }
        if (action == Action.LIMIT_PV && setpointWatts.signum() < 0) {
            throw new IllegalArgumentException("a PV limit must be >= 0 W, was " + setpointWatts.toPlainString() + " W");
        }
    }
}
