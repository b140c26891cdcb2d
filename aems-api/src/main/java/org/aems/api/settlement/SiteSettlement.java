package org.aems.api.settlement;

import java.util.ArrayList;
import java.util.List;
import org.aems.core.grid.SiteId;
import org.aems.core.settlement.ContractSegment;
import org.aems.core.settlement.IntervalQuality;
import org.aems.core.settlement.PricingContext;
import org.aems.core.settlement.PurchaseStatement;
import org.aems.core.settlement.StatementAccumulator;
import org.aems.core.time.Slot;
import org.aems.core.unit.YenPerKwh;

/**
 * One site's statements being summed during a run or a recompute: one accumulator per contract segment.
 * Used by both, so that the lines a recompute shows are the lines the run summed.
 */
final class SiteSettlement {

    private final SiteId site;
    private final List<StatementAccumulator> segments = new ArrayList<>();
    private final int[] maxRevision;

    SiteSettlement(SiteId site, List<ContractSegment> contractSegments) {
        this.site = site;
        contractSegments.forEach(s -> segments.add(new StatementAccumulator(site, s)));
        this.maxRevision = new int[segments.size()];
    }

    /**
     * Prices the interval into its segment's statement and returns the unit price, or null when the interval
     * is MISSING (counted by the statement) or outside every segment (days without a contract).
     */
    YenPerKwh add(Slot slot, long exportWh, IntervalQuality quality, int revision, PricingContext context) {
        for (int i = 0; i < segments.size(); i++) {
            StatementAccumulator acc = segments.get(i);
            if (acc.segment().contains(slot)) {
                maxRevision[i] = Math.max(maxRevision[i], revision);
                if (quality == IntervalQuality.MISSING || exportWh < 0) {
                    return null;
                }
                YenPerKwh price = acc.segment().contract().tariff().unitPrice(slot, context);
                acc.add(slot, exportWh, price, quality);
                return price;
            }
        }
        return null;
    }

    SiteId site() {
        return site;
    }

    List<StatementAccumulator> accumulators() {
        return segments;
    }

    List<PurchaseStatement> statements() {
        return segments.stream().map(StatementAccumulator::statement).toList();
    }

    /** The highest interval revision seen per segment, 0 when the segment had no interval rows. */
    int maxRevision(int segment) {
        return maxRevision[segment];
    }
}
