package org.aems.api.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.aems.core.time.Jst;
import org.aems.core.unit.Energy;
import org.aems.optimizer.plan.BalancingPlan;

/** {@link BalancingPlan} for the API: kWh (+ import, − export), yen, times in JST; null where not known. */
public record BalancingPlanView(LocalDate day, String scope, List<Row> slots) {

    public record Row(String slot, int index, OffsetDateTime start, BigDecimal dayAheadKwh, BigDecimal inForceKwh, BigDecimal actualKwh,
                      BigDecimal imbalanceKwh, BigDecimal imbalanceYen, int banksPlanned, long sitesReporting, long sites,
                      BigDecimal imbalancePrice, String imbalancePriceSource, String actualSource) {
    }

    static BalancingPlanView of(BalancingPlan plan, java.util.function.Function<org.aems.core.time.Slot, ImbalanceQuotes.Quote> quotes) {
        return new BalancingPlanView(plan.day(), plan.scope(), plan.slots().stream().map(r -> {
            ImbalanceQuotes.Quote quote = quotes.apply(r.slot());
            return new Row(r.slot().toString(), r.slot().index(), Jst.toJst(r.slot().start()).toOffsetDateTime(), kwh(r.dayAhead()),
                    kwh(r.inForce()), kwh(r.actual()), kwh(r.imbalance()),
                    r.imbalanceCost().map(y -> y.amount().setScale(2, java.math.RoundingMode.HALF_EVEN)).orElse(null), r.banksPlanned(),
                    r.sitesReporting(), r.sites(), quote.yenPerKwh(), quote.source(), r.actualSource().map(Enum::name).orElse(null));
        }).toList());
    }

    private static BigDecimal kwh(java.util.Optional<Energy> energy) {
        return energy.map(e -> BigDecimal.valueOf(e.wattHours(), 3)).orElse(null);
    }
}
