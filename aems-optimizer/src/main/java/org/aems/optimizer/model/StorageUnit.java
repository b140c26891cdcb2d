package org.aems.optimizer.model;

import java.util.Objects;
import org.aems.core.unit.Efficiency;
import org.aems.core.unit.Energy;
import org.aems.core.unit.Power;

/**
 * A battery as the model sees it: limits, one-way efficiencies, the energy it holds now and what it must
 * still hold at the end of the horizon.
 *
 * @param id        device id, or an aggregate's name
 * @param stored    energy stored at the start of the first slot
 * @param endAtLeast energy to hold at the end of the horizon (so a plan does not empty batteries for free)
 */
public record StorageUnit(String id, Energy capacity, Power maxCharge, Power maxDischarge, Efficiency chargeEfficiency,
                          Efficiency dischargeEfficiency, Energy stored, Energy endAtLeast) {
    public StorageUnit {
        Objects.requireNonNull(id, "id");
        if (capacity.wattHours() <= 0 || maxCharge.isNegative() || maxDischarge.isNegative()) {
            throw new IllegalArgumentException("storage " + id + ": capacity must be positive and power limits >= 0");
        }
        if (stored.isNegative() || stored.compareTo(capacity) > 0 || endAtLeast.isNegative() || endAtLeast.compareTo(capacity) > 0) {
            throw new IllegalArgumentException("storage " + id + ": stored " + stored + " and end target " + endAtLeast
                    + " must lie within 0.." + capacity);
        }
    }
}
