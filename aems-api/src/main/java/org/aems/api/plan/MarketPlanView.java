package org.aems.api.plan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.aems.core.time.Jst;
import org.aems.optimizer.plan.MarketPlan;
import org.aems.optimizer.plan.MarketPlanStore;

/**
 * {@link MarketPlan} for the API: kWh, yen/kWh and yen, times in JST. {@code version}, {@code storedAt} and
 * {@code storedBy} are absent for a plan computed on request rather than read from its stored version.
 */
public record MarketPlanView(LocalDate day, OffsetDateTime issuedAt, String scope, Integer version, OffsetDateTime storedAt, String storedBy,
                             List<Row> slots) {

    public record Row(String slot, int index, OffsetDateTime start, BigDecimal demandKwh, BigDecimal generationKwh, BigDecimal procurementKwh,
                      BigDecimal expectedPriceYenPerKwh, BigDecimal expectedCostYen) {
    }

    static MarketPlanView of(MarketPlanStore.Stored stored) {
        MarketPlanView view = of(stored.plan());
        return new MarketPlanView(view.day(), view.issuedAt(), view.scope(), stored.version(), Jst.toJst(stored.createdAt()).toOffsetDateTime(),
                stored.createdBy(), view.slots());
    }

    static MarketPlanView of(MarketPlan p) {
        return new MarketPlanView(p.day(), Jst.toJst(p.issuedAt()).toOffsetDateTime(), p.scope(), null, null, null, p.slots().stream()
                .map(r -> new Row(r.slot().toString(), r.slot().index(), Jst.toJst(r.slot().start()).toOffsetDateTime(),
                        r.demand().toKilowattHours(), r.generation().toKilowattHours(), r.procurement().toKilowattHours(), r.expectedPrice().value(),
                        r.expectedCost().amount().setScale(2, RoundingMode.HALF_EVEN)))
                .toList());
    }
}
