package org.aems.core.kpi;

import java.util.Objects;
import org.aems.core.time.Slot;
import org.aems.core.unit.Energy;

/** A slot's local renewable generation and the demand of participating sites, both ≥ 0 Wh. */
public record SlotEnergy(Slot slot, Energy localGeneration, Energy demand) {
    public SlotEnergy {
        Objects.requireNonNull(slot, "slot");
        Objects.requireNonNull(localGeneration, "localGeneration");
        Objects.requireNonNull(demand, "demand");
        if (localGeneration.isNegative() || demand.isNegative()) {
            throw new IllegalArgumentException("generation and demand must be >= 0 in slot " + slot + ", were "
                    + localGeneration + " and " + demand);
        }
    }
}
