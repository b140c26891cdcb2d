package org.aems.api.settlement;

import java.util.ArrayList;
import java.util.List;
import org.aems.core.grid.SiteId;
import org.aems.core.settlement.ContractSegment;
import org.aems.core.settlement.IntervalQuality;
import org.aems.core.settlement.PricingContext;
import org.aems.core.settlement.PurchaseStatement;
import org.aems.core.settlement.SlotLine;
import org.aems.core.settlement.StatementAccumulator;

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
     * Prices the interval into its segment's statement and returns the line, or null when the interval is
     * MISSING (counted by the statement) or outside every segment (days without a contract).
     */
    SlotLine add(IntervalScan.Row row, PricingContext context) {
        for (int i = 0; i < segments.size(); i++) {
            StatementAccumulator acc = segments.get(i);
            if (acc.segment().contains(row.slot())) {
                maxRevision[i] = Math.max(maxRevision[i], row.revision());
                if (row.quality() == IntervalQuality.MISSING || row.exportWh() < 0) {
                    return null;
                }
                SlotLine line = SlotLine.price(site, row.slot(), org.aems.core.unit.Energy.ofWattHours(row.exportWh()),
                        row.quality(), acc.segment().contract().tariff(), context);
                acc.add(line);
                return line;
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
