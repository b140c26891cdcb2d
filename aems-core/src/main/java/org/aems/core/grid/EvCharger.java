package org.aems.core.grid;

import java.util.Objects;
import org.aems.core.unit.Power;

/** An EV charger; + = charging the vehicle, − = V2X discharge, which only a V2X charger does. */
public record EvCharger(DeviceId id, Validity validity, boolean curtailable, Power maxCharge, Power maxDischarge,
                        boolean v2x) implements Asset {
    public EvCharger {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(validity, "validity");
        if (!maxCharge.isPositive() || maxDischarge.isNegative()) {
            throw new IllegalArgumentException("EV charger max charge must be positive and max discharge >= 0, were "
                    + maxCharge + " and " + maxDischarge);
        }
        if (!v2x && !maxDischarge.equals(Power.ZERO)) {
            throw new IllegalArgumentException("only a V2X charger can discharge; set v2x or max discharge 0, was " + maxDischarge);
        }
    }
}
