package org.aems.core.grid;

import java.util.Objects;
import org.aems.core.unit.Efficiency;
import org.aems.core.unit.Energy;
import org.aems.core.unit.Power;

/** A stationary battery. Its power is + when charging (ECHONET Lite 0x027D); the max powers are magnitudes. */
public record Battery(DeviceId id, Validity validity, boolean curtailable, Energy capacity, Power maxCharge,
                      Power maxDischarge, Efficiency chargeEfficiency, Efficiency dischargeEfficiency) implements Asset {
    public Battery {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(validity, "validity");
        Objects.requireNonNull(chargeEfficiency, "chargeEfficiency");
        Objects.requireNonNull(dischargeEfficiency, "dischargeEfficiency");
        if (capacity.wattHours() <= 0 || !maxCharge.isPositive() || !maxDischarge.isPositive()) {
            throw new IllegalArgumentException("battery capacity and max charge/discharge power must be positive, were "
                    + capacity + ", " + maxCharge + ", " + maxDischarge);
        }
    }
}
