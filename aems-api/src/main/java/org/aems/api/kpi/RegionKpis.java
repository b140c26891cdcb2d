package org.aems.api.kpi;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.aems.core.kpi.LocalConsumption;
import org.aems.core.kpi.LocalConsumptionKpi;
import org.aems.core.kpi.SlotEnergy;
import org.aems.core.series.SeriesValue;
import org.aems.core.series.VersionedSeries;
import org.aems.core.time.Slot;
import org.aems.core.unit.Energy;
import org.aems.core.unit.Ratio;

/**
 * The region's KPIs per bucket from its slot sums: 地産地消率 and 自給率 through core's one implementation
 * (local use = min(PV, demand) per slot, never netted over the bucket), with demand at the meters plus PV as the
 * optimizer's evaluation counts it; surplus bought; CO2 avoided = each slot's local use × that slot's grid factor
 * as known now. Pure: tested without a database.
 */
final class RegionKpis {

    /** One bucket's figures. Energies in Wh; empty ratios when their denominator is zero. */
    record Bucket(Slot first, Slot last, int slots, int incompleteSlots, Energy pv, Energy demand, LocalConsumptionKpi local,
                  Energy imported, Energy exported, Optional<Energy> surplusBought, int surplusUnknownSlots,
                  Optional<BigDecimal> co2AvoidedKg, TreeSet<Integer> co2FactorVersions, int co2MissingSlots) {
    }

    private RegionKpis() {
    }

    static List<Bucket> of(List<RegionSlot> slots, Granularity granularity, VersionedSeries<BigDecimal> co2Factors) {
        Map<Object, List<RegionSlot>> buckets = new LinkedHashMap<>();
        for (RegionSlot s : slots) {
            buckets.computeIfAbsent(granularity.bucketOf(s.slot()), k -> new ArrayList<>()).add(s);
        }
        List<Bucket> result = new ArrayList<>(buckets.size());
        for (List<RegionSlot> bucket : buckets.values()) {
            result.add(bucket(bucket, co2Factors));
        }
        return result;
    }

    private static Bucket bucket(List<RegionSlot> slots, VersionedSeries<BigDecimal> co2Factors) {
        List<SlotEnergy> energies = new ArrayList<>(slots.size());
        int incomplete = 0;
        long imported = 0;
        long exported = 0;
        long bought = 0;
        int boughtUnknown = 0;
        BigDecimal co2 = BigDecimal.ZERO;
        int co2Missing = 0;
        TreeSet<Integer> factorVersions = new TreeSet<>();
        for (RegionSlot s : slots) {
            incomplete += s.complete() ? 0 : 1;
            imported += s.importWh() == null ? 0 : s.importWh();
            exported += s.exportWh() == null ? 0 : s.exportWh();
            if (s.buybackExportWh() == null) {
                boughtUnknown++;
            } else {
                bought += s.buybackExportWh();
            }
            if (s.netImportWh() == null) {
                continue; // no meter of the region reported: demand unknown, the slot only counts as incomplete
            }
            Energy pv = Energy.ofWattHours(s.pvWh() == null ? 0 : Math.max(0, s.pvWh()));
            Energy demand = Energy.ofWattHours(Math.max(0, s.netImportWh() + pv.wattHours()));
            energies.add(new SlotEnergy(s.slot(), pv, demand));
            Optional<SeriesValue<BigDecimal>> factor = co2Factors.valueAt(s.slot().start());
            if (factor.isPresent()) {
                co2 = co2.add(Energy.min(pv, demand).toKilowattHours().multiply(factor.get().value()));
                factorVersions.add(factor.get().version().version());
            } else {
                co2Missing++;
            }
        }
        LocalConsumptionKpi local = LocalConsumption.of(energies);
        Optional<BigDecimal> co2Avoided = co2Missing == slots.size() ? Optional.empty() : Optional.of(co2);
        return new Bucket(slots.get(0).slot(), slots.get(slots.size() - 1).slot(), slots.size(), incomplete, local.generation(),
                local.demand(), local, Energy.ofWattHours(imported), Energy.ofWattHours(exported),
                boughtUnknown == slots.size() ? Optional.empty() : Optional.of(Energy.ofWattHours(bought)), boughtUnknown, co2Avoided,
                factorVersions, co2Missing);
    }

    static String ratio(Optional<Ratio> ratio) {
        return ratio.map(r -> r.value().toPlainString()).orElse(null);
    }
}
