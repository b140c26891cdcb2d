package org.aems.api.plan;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.aems.core.time.Jst;
import org.aems.core.time.Slot;
import org.aems.optimizer.plan.StoredPlan;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A bank's plan version: how it was found (OPTIMAL, FEASIBLE, LAST_PLAN, BASELINE), its objective in yen
 * (money plus penalties), the limits that bound or were breached and why, and per feeder and slot the
 * planned net flow in kWh (+ import, − reverse flow). Feeder {@code ""} is the bank total.
 */
public record PlanView(long id, String bank, OffsetDateTime firstSlot, int slotCount, String source, BigDecimal objectiveYen,
                       int solveMillis, int breaches, JsonNode limitEvents, OffsetDateTime createdAt, String createdBy,
                       List<SlotView> slots) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public record SlotView(String feeder, String slot, OffsetDateTime start, BigDecimal netKwh, BigDecimal storageKwh, BigDecimal evKwh,
                           BigDecimal curtailedKwh) {
    }

    static PlanView of(StoredPlan p) {
        return new PlanView(p.id(), p.bank(), Jst.toJst(p.firstSlot()).toOffsetDateTime(), p.slotCount(), p.source(), p.objectiveYen(),
                p.solveMillis(), p.breaches(), JSON.readTree(p.limitEventsJson()), Jst.toJst(p.createdAt()).toOffsetDateTime(),
                p.createdBy(), p.slots().stream().map(s -> new SlotView(s.feeder(), Slot.containing(s.slotStart()).toString(),
                        Jst.toJst(s.slotStart()).toOffsetDateTime(), kwh(s.netWh()), kwh(s.storageWh()), kwh(s.evWh()),
                        kwh(s.curtailedWh()))).toList());
    }

    static BigDecimal kwh(long wh) {
        return BigDecimal.valueOf(wh, 3);
    }
}
