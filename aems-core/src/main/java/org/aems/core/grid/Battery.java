package org.aems.core.grid;

import java.util.Objects;
import org.aems.core.unit.Efficiency;
import org.aems.core.unit.Energy;
import org.aems.core.unit.Power;

/**
 * A stationary battery. Its power is + when charging, − when discharging (ECHONET Lite 0x027D).
 *
 * @param capacity            usable energy, > 0 Wh
 * @param maxCharge           positive magnitude, W
 * @param maxDischarge        positive magnitude, W (the power itself goes down to −maxDischarge)
 * @param chargeEfficiency    one-way, grid side to stored energy
 * @param dischargeEfficiency one-way, stored energy to grid side
 */
public record Battery(DeviceId id, Validity validity, boolean curtailable, Energy capacity, Power maxCharge,
                      Power maxDischarge, Efficiency chargeEfficiency, Efficiency dischargeEfficiency) implements Asset {
    public Battery {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(validity, "validity");
        Objects.requireNonNull(capacity, "capacity");
        Objects.requireNonNull(maxCharge, "maxCharge");
        Objects.requireNonNull(maxDischarge, "maxDischarge");
        Objects.requireNonNull(chargeEfficiency, "chargeEfficiency");
        Objects.requireNonNull(dischargeEfficiency, "dischargeEfficiency");
        if (capacity.wattHours() <= 0 || !maxCharge.isPositive() || !maxDischarge.isPositive()) {
            throw new IllegalArgumentException("battery capacity and max charge/discharge power must be positive, were "
                    + capacity + ", " + maxCharge + ", " + maxDischarge);
        }
    }
}
