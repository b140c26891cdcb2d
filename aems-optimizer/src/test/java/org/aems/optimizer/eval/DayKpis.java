package org.aems.optimizer.eval;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.aems.core.grid.Bank;
import org.aems.core.grid.BankId;
import org.aems.core.grid.Feeder;
import org.aems.core.grid.FeederId;
import org.aems.core.grid.FlowLimits;
import org.aems.core.kpi.LocalConsumption;
import org.aems.core.kpi.LocalConsumptionKpi;
import org.aems.core.kpi.SlotEnergy;
import org.aems.core.series.EmissionFactor;
import org.aems.core.unit.Energy;
import org.aems.optimizer.model.Penalties;
import org.aems.optimizer.runtime.SlotPrices;

/**
 * A policy's day scored on ground truth. Money: each bank's net import bought at the slot's purchase price,
 * its net export sold at the sale price; imbalance (the balancing group's net away from its plan in force at the
 * slot's gate closure: the sum over banks, as it is settled) at the slot's imbalance price ({@code bankImbalanceKwh}:
 * the banks' deviations summed without netting, for comparison); limit breaches at the breach penalty and curtailed PV at the
 * curtailment penalty (both in the "penalty yen" column). Local consumption per
 * core's KPI, with demand at the meters plus PV (so energy put into batteries counts as used where it was
 * made, and their discharge is not counted twice).
 */
record DayKpis(double localConsumption, double selfSufficiency, int breaches, double breachKwh, double curtailedKwh,
               double imbalanceKwh, double imbalanceYen, double energyYen, double penaltyYen, double co2AvoidedT,
               List<String> breachList, double bankImbalanceKwh) {

    static final EmissionFactor GRID_CO2 = EmissionFactor.of("0.441"); // kg-CO2/kWh, illustrative Tokyo-area factor

    double totalYen() {
        return energyYen + imbalanceYen + penaltyYen;
    }

    static DayKpis score(List<SlotTruth> day, List<FeederId> feederOrder, List<Bank> banks, Map<BankId, List<Double>> submittedWh,
                         SlotPrices prices, double curtailedKwh) {
        double breachKwh = 0;
        int breaches = 0;
        double energyYen = 0;
        double imbalanceKwh = 0;
        double imbalanceYen = 0;
        double bankImbalanceKwh = 0;
        List<SlotEnergy> energies = new ArrayList<>();
        List<String> breachList = new ArrayList<>();
        double trueDemand = 0;
        for (int t = 0; t < day.size(); t++) {
            SlotTruth s = day.get(t);
            double purchase = prices.purchase(s.slot).value().doubleValue();
            double sale = prices.sale(s.slot).value().doubleValue();
            double groupOffWh = 0;
            for (Bank bank : banks) {
                double bankNet = 0;
                for (Feeder feeder : bank.feeders()) {
                    int f = feederOrder.indexOf(feeder.id());
                    bankNet += s.netWh[f];
                    double excess = excessWh(s.netWh[f], feeder.limits().at(s.slot.date()).orElseThrow());
                    breaches += excess > 1 ? 1 : 0;
                    if (excess > 1) {
                        breachList.add(String.format(java.util.Locale.ROOT, "%s feeder %s net %.0f kWh over by %.1f kWh", s.slot, feeder.id(),
                                s.netWh[f] / 1000, excess / 1000));
                    }
                    breachKwh += excess / 1000;
                }
                double excess = excessWh(bankNet, bank.limits().at(s.slot.date()).orElseThrow());
                breaches += excess > 1 ? 1 : 0;
                if (excess > 1) {
                    breachList.add(String.format(java.util.Locale.ROOT, "%s bank %s net %.0f kWh over by %.1f kWh", s.slot, bank.id(),
                            bankNet / 1000, excess / 1000));
                }
                breachKwh += excess / 1000;
                energyYen += Math.max(0, bankNet) / 1000 * purchase - Math.max(0, -bankNet) / 1000 * sale;
                double offWh = bankNet - submittedWh.get(bank.id()).get(t);
                groupOffWh += offWh;
                bankImbalanceKwh += Math.abs(offWh) / 1000;
            }
            imbalanceKwh += Math.abs(groupOffWh) / 1000;
            imbalanceYen += Math.abs(groupOffWh) / 1000 * prices.imbalance(s.slot).value().doubleValue();
            double pv = 0;
            double used = 0;
            for (int f = 0; f < feederOrder.size(); f++) {
                pv += s.pvWh[f];
                used += s.netWh[f] + s.pvWh[f];
                trueDemand += s.loadWh[f];
            }
            energies.add(new SlotEnergy(s.slot, Energy.ofWattHours(Math.round(pv)), Energy.ofWattHours(Math.max(0, Math.round(used)))));
        }
        LocalConsumptionKpi kpi = LocalConsumption.of(energies);
        double localUseKwh = kpi.localUse().wattHours() / 1000.0;
        double breachYen = breachKwh * Penalties.DEFAULT.limitBreach().value().doubleValue();
        double curtailmentYen = curtailedKwh * Penalties.DEFAULT.curtailment().value().doubleValue();
        return new DayKpis(kpi.localConsumptionRatio().map(r -> r.value().doubleValue()).orElse(Double.NaN),
                trueDemand == 0 ? Double.NaN : localUseKwh * 1000 / trueDemand, breaches, breachKwh, curtailedKwh, imbalanceKwh, imbalanceYen,
                energyYen, breachYen + curtailmentYen, GRID_CO2.avoided(kpi.localUse()).divide(BigDecimal.valueOf(1000)).doubleValue(),
                List.copyOf(breachList), bankImbalanceKwh);
    }

    /** Energy beyond a limit in one slot: reverse flow past the reverse-flow limit, or import past the import limit. */
    static double excessWh(double netWh, FlowLimits limits) {
        double reverse = limits.reverseFlowLimit().watts() * 0.5;
        double draw = limits.importLimit().watts() * 0.5;
        return Math.max(0, -netWh - reverse) + Math.max(0, netWh - draw);
    }
}
