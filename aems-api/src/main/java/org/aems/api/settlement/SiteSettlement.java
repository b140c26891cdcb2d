package org.aems.api.settlement;

import java.util.ArrayList;
import java.util.List;
import org.aems.core.grid.MetrologyClass;
import org.aems.core.grid.SiteId;
import org.aems.core.settlement.ContractSegment;
import org.aems.core.settlement.IntervalQuality;
import org.aems.core.settlement.PricingContext;
import org.aems.core.settlement.PurchaseStatement;
import org.aems.core.settlement.StatementAccumulator;
import org.aems.core.settlement.ValueSource;
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
    private final MetrologyClass[] metrologyClasses;

    /** A site's settlement without meter classes (a recompute: the stored statement has its class). */
    SiteSettlement(SiteId site, List<ContractSegment> contractSegments) {
        this(site, contractSegments, null);
    }

    SiteSettlement(SiteId site, List<ContractSegment> contractSegments, MeterClasses meters) {
        this.site = site;
        contractSegments.forEach(s -> segments.add(new StatementAccumulator(site, s)));
        this.maxRevision = new int[segments.size()];
        this.metrologyClasses = new MetrologyClass[segments.size()];
        for (int i = 0; meters != null && i < segments.size(); i++) {
            metrologyClasses[i] = meters.of(site, contractSegments.get(i).from(), contractSegments.get(i).until());
        }
    }

    /**
     * Prices a certified value (the data of record) into its segment's statement and returns the unit price, or
     * null outside every segment. Certified values are added before the gateway intervals, which they replace.
     */
    YenPerKwh addCertified(Slot slot, long exportWh, PricingContext context) {
        for (StatementAccumulator acc : segments) {
            if (acc.segment().contains(slot)) {
                YenPerKwh price = acc.segment().contract().tariff().unitPrice(slot, context);
                acc.add(slot, exportWh, price, IntervalQuality.MEASURED, ValueSource.CERTIFIED);
                return price;
            }
        }
        return null;
    }

    /**
     * Prices a gateway interval into its segment's statement and returns the unit price, or null when the
     * interval is MISSING (counted by the statement), its slot already has a certified value, or it is outside
     * every segment (days without a contract).
     */
    YenPerKwh add(Slot slot, long exportWh, IntervalQuality quality, int revision, PricingContext context) {
        for (int i = 0; i < segments.size(); i++) {
            StatementAccumulator acc = segments.get(i);
            if (acc.segment().contains(slot)) {
                maxRevision[i] = Math.max(maxRevision[i], revision);
                if (quality == IntervalQuality.MISSING || exportWh < 0 || acc.hasLine(slot)) {
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

    /** The metrology class of the site's meter over segment {@code segment}, null when none is registered. */
    MetrologyClass metrologyClass(int segment) {
        return metrologyClasses[segment];
    }

    /** The highest interval revision seen per segment, 0 when the segment had no interval rows. */
    int maxRevision(int segment) {
        return maxRevision[segment];
    }
}
