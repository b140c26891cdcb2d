package org.aems.core.settlement;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import org.aems.core.grid.SiteId;
import org.aems.core.time.Slot;
import org.aems.core.unit.Energy;
import org.aems.core.unit.Yen;
import org.aems.core.unit.YenPerKwh;

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
    private final int slotCount;
    private long wattHours;
    private final ExactSum amount = new ExactSum();
    private int measured;
    private int estimated;
    private int certified;
    private long digest;

    public StatementAccumulator(SiteId site, ContractSegment segment) {
        this.site = Objects.requireNonNull(site, "site");
        this.segment = Objects.requireNonNull(segment, "segment");
        this.first = segment.slots().first();
        this.slotCount = segment.slotCount();
        this.seen = new BitSet(slotCount);
    }

    public ContractSegment segment() {
        return segment;
    }

    /** Adds a line of this segment. A second line for the same slot is a bug upstream and is refused. */
    public void add(SlotLine line) {
        add(line.slot(), line.energy().wattHours(), line.unitPrice(), line.quality());
    }

    /**
     * Adds the line of {@code slot} without building it: {@code exportWh × unitPrice} at full precision, the
     * same amount {@link SlotLine#price} shows. The path of a run, which adds millions of lines.
     */
    public void add(Slot slot, long exportWh, YenPerKwh unitPrice, IntervalQuality quality) {
        add(slot, exportWh, unitPrice, quality, ValueSource.GATEWAY);
    }

    /**
     * As {@link #add(Slot, long, YenPerKwh, IntervalQuality)}, from {@code source}. A certified value is MEASURED
     * (the transmission operator's billing meter); the statement counts the certified lines.
     */
    public void add(Slot slot, long exportWh, YenPerKwh unitPrice, IntervalQuality quality, ValueSource source) {
        long offset = first.until(slot);
        if (offset < 0 || offset >= slotCount) {
            throw new IllegalArgumentException("slot " + slot + " is outside segment " + segment.from() + ".." + segment.until());
        }
        if (exportWh < 0 || quality == IntervalQuality.MISSING) {
            throw new IllegalArgumentException("slot " + slot + " of site " + site + " has no billable value ("
                    + quality + ", " + exportWh + " Wh)");
        }
        if (seen.get((int) offset)) {
            throw new IllegalArgumentException("slot " + slot + " of site " + site + " was added twice");
        }
        seen.set((int) offset);
        wattHours = Math.addExact(wattHours, exportWh);
        amount.add(exportWh, unitPrice);
        if (source == ValueSource.CERTIFIED && quality != IntervalQuality.MEASURED) {
            throw new IllegalArgumentException("certified value of slot " + slot + " of site " + site + " must be MEASURED, was " + quality);
        }
        if (quality == IntervalQuality.MEASURED) {
            measured++;
        } else {
            estimated++;
        }
        if (source == ValueSource.CERTIFIED) {
            certified++;
        }
        digest += LineDigest.of(slot, exportWh, unitPrice, quality, source);
    }

    /** True when a line was already added for {@code slot} (e.g. its certified value, ahead of the gateway's). */
    public boolean hasLine(Slot slot) {
        long offset = first.until(slot);
        return offset >= 0 && offset < slotCount && seen.get((int) offset);
    }

    /** The slots of the segment no line was added for, in order. */
    public List<Slot> missingSlots() {
        List<Slot> missing = new ArrayList<>();
        for (int i = seen.nextClearBit(0); i < slotCount; i = seen.nextClearBit(i + 1)) {
            missing.add(first.plus(i));
        }
        return missing;
    }

    public PurchaseStatement statement() {
        int missing = slotCount - seen.cardinality();
        return PurchaseStatement.of(site, segment, Energy.ofWattHours(wattHours), Yen.of(amount.value()),
                new QualityCounts(measured, estimated, missing, certified), digest);
    }
}
