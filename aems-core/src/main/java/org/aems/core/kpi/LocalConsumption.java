package org.aems.core.kpi;

import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.aems.core.time.Slot;
import org.aems.core.unit.Energy;
import org.aems.core.unit.Ratio;

/**
 * The one implementation of 地産地消率 and 自給率 (DOMAIN.md): local use per slot is
 * min(local renewable generation, participating demand), summed over slots and never netted over a
 * period, so midday surplus cannot count against evening demand.
 */
public final class LocalConsumption {

    private LocalConsumption() {
    }

    /** The KPIs over {@code slots}; fails if a slot appears twice. Ratios are empty when their denominator is 0. */
    public static LocalConsumptionKpi of(Collection<SlotEnergy> slots) {
        Set<Slot> seen = new HashSet<>();
        Energy generation = Energy.ZERO;
        Energy demand = Energy.ZERO;
        Energy localUse = Energy.ZERO;
        for (SlotEnergy s : slots) {
            if (!seen.add(s.slot())) {
                throw new IllegalArgumentException("slot " + s.slot() + " appears twice; give one value per slot");
            }
            generation = generation.plus(s.localGeneration());
            demand = demand.plus(s.demand());
            localUse = localUse.plus(Energy.min(s.localGeneration(), s.demand()));
        }
        return new LocalConsumptionKpi(generation, demand, localUse, ratio(localUse, generation), ratio(localUse, demand));
    }

    private static Optional<Ratio> ratio(Energy part, Energy whole) {
        return whole.wattHours() == 0 ? Optional.empty()
                : Optional.of(Ratio.of(part.toKilowattHours(), whole.toKilowattHours()));
    }
}
