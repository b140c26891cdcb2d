package org.aems.core.settlement.supply;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.aems.core.settlement.ExactSum;
import org.aems.core.settlement.IntervalQuality;
import org.aems.core.settlement.LineDigest;
import org.aems.core.settlement.PricingContext;
import org.aems.core.settlement.QualityCounts;
import org.aems.core.settlement.ValueSource;
import org.aems.core.time.Slot;
import org.aems.core.unit.Energy;
import org.aems.core.unit.Yen;
import org.aems.core.unit.YenPerKwh;

/**
 * Sums one facility's month of slot imports into the inputs of its {@link SupplyBill}: energy, the energy
 * charge at full precision (the same {@link ExactSum} as purchase statements), the month's peak slot, the
 * slot counts by quality and the line digest. Slots without a value are missing, never zero.
 */
public final class SupplyBillAccumulator {

    private final SupplyContract contract;
    private final YearMonth month;
    private final Slot first;
    private final int slotCount;
    private final BitSet seen;
    private final ExactSum energyCharge = new ExactSum();
    private long wattHours;
    private long peakWh;
    private int measured;
    private int estimated;
    private int certified;
    private long digest;

    public SupplyBillAccumulator(SupplyContract contract, YearMonth month) {
        this.contract = Objects.requireNonNull(contract, "contract");
        this.month = Objects.requireNonNull(month, "month");
        LocalDate firstDay = month.atDay(1);
        if (!contract.validity().contains(firstDay)) {
            throw new IllegalArgumentException("supply contract " + contract.describe() + " is not in force in " + month);
        }
        this.first = Slot.of(firstDay, 1);
        this.slotCount = month.lengthOfMonth() * Slot.SLOTS_PER_DAY;
        this.seen = new BitSet(slotCount);
    }

    public SupplyContract contract() {
        return contract;
    }

    public YearMonth month() {
        return month;
    }

    /** {@link #add(Slot, long, IntervalQuality, ValueSource, PricingContext)} for a gateway interval. */
    public YenPerKwh add(Slot slot, long importWh, IntervalQuality quality, PricingContext context) {
        return add(slot, importWh, quality, ValueSource.GATEWAY, context);
    }

    /**
     * Prices the slot's import with the contract's energy tariff and adds it; returns the unit price. A certified
     * value (the data of record) is MEASURED and counted as certified; its line digests with its source, as a
     * purchase statement's does. A second value for the same slot is a bug upstream and is refused.
     */
    public YenPerKwh add(Slot slot, long importWh, IntervalQuality quality, ValueSource source, PricingContext context) {
        long offset = first.until(slot);
        if (offset < 0 || offset >= slotCount) {
            throw new IllegalArgumentException("slot " + slot + " is outside " + month);
        }
        if (importWh < 0 || quality == IntervalQuality.MISSING) {
            throw new IllegalArgumentException("slot " + slot + " of site " + contract.site() + " has no billable import ("
                    + quality + ", " + importWh + " Wh)");
        }
        if (seen.get((int) offset)) {
            throw new IllegalArgumentException("slot " + slot + " of site " + contract.site() + " was added twice");
        }
        YenPerKwh price = contract.energyTariff().unitPrice(slot, context);
        seen.set((int) offset);
        wattHours = Math.addExact(wattHours, importWh);
        peakWh = Math.max(peakWh, importWh);
        energyCharge.add(importWh, price);
        if (source == ValueSource.CERTIFIED && quality != IntervalQuality.MEASURED) {
            throw new IllegalArgumentException("a certified value is MEASURED, slot " + slot + " was " + quality);
        }
        if (quality == IntervalQuality.MEASURED) {
            measured++;
        } else {
            estimated++;
        }
        certified += source == ValueSource.CERTIFIED ? 1 : 0;
        digest += LineDigest.of(slot, importWh, price, quality, source);
        return price;
    }

    /** The month's highest slot import so far, Wh (0 when no slot had a value). */
    public long peakWh() {
        return peakWh;
    }

    /** The slots of the month no value was added for, in order. */
    public List<Slot> missingSlots() {
        List<Slot> missing = new ArrayList<>();
        for (int i = seen.nextClearBit(0); i < slotCount; i = seen.nextClearBit(i + 1)) {
            missing.add(first.plus(i));
        }
        return missing;
    }

    /**
     * The bill's inputs.
     *
     * @param previousPeaksWh the highest slot import of each earlier month (the ratchet looks at the 11 before)
     * @param slotsWithValue  per earlier month, how many slots had a value: months the contract covers that lack some
     *                        are the demand's {@link BillingDemand#historyGaps() history gaps}
     */
    public SupplyBill.Inputs inputs(Map<YearMonth, Long> previousPeaksWh, Map<YearMonth, Integer> slotsWithValue,
                                    YenPerKwh fuelCostAdjustment, YenPerKwh renewableSurcharge) {
        return inputs(previousPeaksWh, fuelCostAdjustment, renewableSurcharge)
                .withDemand(demandWithGaps(previousPeaksWh, slotsWithValue));
    }

    private BillingDemand demandWithGaps(Map<YearMonth, Long> previousPeaksWh, Map<YearMonth, Integer> slotsWithValue) {
        return BillingDemand.ratchet(month, peakWh, previousPeaksWh)
                .withHistoryGaps(BillingDemand.historyGaps(contract, month, slotsWithValue));
    }

    /** The inputs with a history taken as whole: for tests of the arithmetic only. */
    SupplyBill.Inputs inputs(Map<YearMonth, Long> previousPeaksWh, YenPerKwh fuelCostAdjustment, YenPerKwh renewableSurcharge) {
        BillingDemand demand = BillingDemand.ratchet(month, peakWh, previousPeaksWh);
        return new SupplyBill.Inputs(Energy.ofWattHours(wattHours), Yen.of(energyCharge.value()), demand, fuelCostAdjustment,
                renewableSurcharge, new QualityCounts(measured, estimated, slotCount - seen.cardinality(), certified), digest);
    }
}
