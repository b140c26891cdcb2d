package org.aems.api.plan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.aems.core.time.Jst;
import org.aems.optimizer.plan.MarketPlan;

/** {@link MarketPlan} for the API: kWh, yen/kWh and yen, times in JST. */
public record MarketPlanView(LocalDate day, OffsetDateTime issuedAt, String scope, List<Row> slots) {

    public record Row(String slot, int index, OffsetDateTime start, BigDecimal demandKwh, BigDecimal generationKwh, BigDecimal procurementKwh,
                      BigDecimal expectedPriceYenPerKwh, BigDecimal expectedCostYen) {
    }

    static MarketPlanView of(MarketPlan p) {
        return new MarketPlanView(p.day(), Jst.toJst(p.issuedAt()).toOffsetDateTime(), p.scope(), p.slots().stream()
                .map(r -> new Row(r.slot().toString(), r.slot().index(), Jst.toJst(r.slot().start()).toOffsetDateTime(),
                        r.demand().toKilowattHours(), r.generation().toKilowattHours(), r.procurement().toKilowattHours(), r.expectedPrice().value(),
                        r.expectedCost().amount().setScale(2, RoundingMode.HALF_EVEN)))
                .toList());
    }
}
