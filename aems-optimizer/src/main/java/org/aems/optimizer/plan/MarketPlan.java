package org.aems.optimizer.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.aems.core.time.Slot;
import org.aems.core.unit.Energy;
import org.aems.core.unit.Yen;
import org.aems.core.unit.YenPerKwh;

/**
 * What the balancing group needs from the market for one JST day, as this platform sees it, issued from the
 * history known at {@code issuedAt} (09:30 JST the day before: the JEPX day-ahead auction closes at 10:00,
 * the plans are due at 12:00). Per slot: the demand sub-plan (what our customers' meters draw), the
 * generation sub-plan (the 卒FIT surplus we buy, sent back by those sites), and the procurement proposal
 * for the auction: demand less our own generation, at the expected price.
 */
public record MarketPlan(LocalDate day, Instant issuedAt, String scope, List<Row> slots) {

    public record Row(Slot slot, Energy demand, Energy generation, Energy procurement, YenPerKwh expectedPrice, Yen expectedCost) {
    }
}
