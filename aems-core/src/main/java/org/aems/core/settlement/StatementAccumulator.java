package org.aems.core.settlement;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import org.aems.core.grid.SiteId;
import org.aems.core.time.Slot;
import org.aems.core.unit.Energy;
import org.aems.core.unit.Yen;

/**
 * Sums the slot lines of one site and contract segment, in any order, into a {@link PurchaseStatement},
 * keeping only totals (and one bit per slot), never the lines. Slots without a line are MISSING and are
 * counted as such: never billed as zero.
 */
public final class StatementAccumulator {

    private final SiteId site;
    private final ContractSegment segment;
    private final Slot first;
    private final BitSet seen;
    private long wattHours;
    private Yen amount = Yen.ZERO;
    private int measured;
    private int estimated;
    private long digest;

    public StatementAccumulator(SiteId site, ContractSegment segment) {
        this.site = Objects.requireNonNull(site, "site");
        this.segment = Objects.requireNonNull(segment, "segment");
        this.first = segment.slots().first();
        this.seen = new BitSet(segment.slotCount());
    }

    public ContractSegment segment() {
        return segment;
    }

    /** Adds a line of this segment. A second line for the same slot is a bug upstream and is refused. */
    public void add(SlotLine line) {
        if (!segment.contains(line.slot())) {
            throw new IllegalArgumentException("slot " + line.slot() + " is outside segment " + segment.from() + ".." + segment.until());
        }
        int offset = Math.toIntExact(first.until(line.slot()));
        if (seen.get(offset)) {
            throw new IllegalArgumentException("slot " + line.slot() + " of site " + site + " was added twice");
        }
        seen.set(offset);
        wattHours = Math.addExact(wattHours, line.energy().wattHours());
        amount = amount.plus(line.amount());
        if (line.quality() == IntervalQuality.MEASURED) {
            measured++;
        } else {
            estimated++;
        }
        digest += LineDigest.of(line);
    }

    /** The slots of the segment no line was added for, in order. */
    public List<Slot> missingSlots() {
        List<Slot> missing = new ArrayList<>();
        for (int i = seen.nextClearBit(0); i < segment.slotCount(); i = seen.nextClearBit(i + 1)) {
            missing.add(first.plus(i));
        }
        return missing;
    }

    public PurchaseStatement statement() {
        int missing = segment.slotCount() - seen.cardinality();
        return PurchaseStatement.of(site, segment, Energy.ofWattHours(wattHours), amount,
                new QualityCounts(measured, estimated, missing), digest);
    }
}
