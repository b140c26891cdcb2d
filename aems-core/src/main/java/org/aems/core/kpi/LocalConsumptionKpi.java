package org.aems.core.kpi;

import java.util.Objects;
import java.util.Optional;
import org.aems.core.unit.Energy;
import org.aems.core.unit.Ratio;

/**
 * Local consumption KPIs over a set of slots, from {@link LocalConsumption#of}.
 *
 * @param generation            Σ local renewable generation
 * @param demand                Σ demand of participating sites
 * @param localUse              Σ per slot of min(generation, demand)
 * @param localConsumptionRatio 地産地消率 = local use ÷ generation; empty when nothing was generated
 * @param selfSufficiencyRatio  自給率 = local use ÷ demand; empty when there was no demand
 */
public record LocalConsumptionKpi(Energy generation, Energy demand, Energy localUse,
                                  Optional<Ratio> localConsumptionRatio, Optional<Ratio> selfSufficiencyRatio) {
    public LocalConsumptionKpi {
        Objects.requireNonNull(generation, "generation");
        Objects.requireNonNull(demand, "demand");
        Objects.requireNonNull(localUse, "localUse");
        Objects.requireNonNull(localConsumptionRatio, "localConsumptionRatio");
        Objects.requireNonNull(selfSufficiencyRatio, "selfSufficiencyRatio");
    }
}
