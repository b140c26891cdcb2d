package org.aems.core.grid;

import java.util.Objects;
import org.aems.core.unit.Power;

/**
 * An EV charger; its power is + when charging the vehicle, − for V2X discharge, which only a V2X charger does.
 *
 * @param maxCharge    positive magnitude, W
 * @param maxDischarge magnitude, W; {@link Power#ZERO} unless {@code v2x}
 */
public record EvCharger(DeviceId id, Validity validity, boolean curtailable, Power maxCharge, Power maxDischarge,
                        boolean v2x) implements Asset {
    public EvCharger {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(validity, "validity");
        Objects.requireNonNull(maxCharge, "maxCharge");
        Objects.requireNonNull(maxDischarge, "maxDischarge");
        if (!maxCharge.isPositive() || maxDischarge.isNegative()) {
            throw new IllegalArgumentException("EV charger max charge must be positive and max discharge >= 0, were "
                    + maxCharge + " and " + maxDischarge);
        }
        if (!v2x && !maxDischarge.equals(Power.ZERO)) {
            throw new IllegalArgumentException("only a V2X charger can discharge; set v2x or max discharge 0, was " + maxDischarge);
        }
    }
}
