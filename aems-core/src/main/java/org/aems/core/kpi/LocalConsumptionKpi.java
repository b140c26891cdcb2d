package org.aems.core.kpi;

import java.util.Optional;
import org.aems.core.unit.Energy;
import org.aems.core.unit.Ratio;

/**
 * @param localConsumptionRatio 地産地消率 = local use ÷ generation; empty when nothing was generated
 * @param selfSufficiencyRatio  自給率 = local use ÷ demand; empty when there was no demand
 */
public record LocalConsumptionKpi(Energy generation, Energy demand, Energy localUse,
                                  Optional<Ratio> localConsumptionRatio, Optional<Ratio> selfSufficiencyRatio) {
}
