package org.aems.optimizer.plan;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A plan version as stored: what was planned per feeder and slot (feeder {@code ""} is the bank total), how it
 * was found and which limits bound or were breached (JSON, as the solver explained them).
 */
public record StoredPlan(long id, String bank, Instant firstSlot, int slotCount, String source, BigDecimal objectiveYen,
                         int solveMillis, int breaches, String limitEventsJson, Instant createdAt, String createdBy,
                         List<PlanSlot> slots) {

    public record PlanSlot(String feeder, Instant slotStart, long netWh, long storageWh, long evWh, long curtailedWh) {
    }
}
