package org.aems.core.settlement.supply;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The kW a high-voltage basic charge is on (実量制, デマンド契約): the highest 30-minute demand of the billing
 * month and of the previous 11 months (the ratchet). A 30-minute demand is the slot's import as an average
 * power, kWh × 2; it is rounded half-up to whole kW (最大需要電力 in 1 kW steps, ADR 0013).
 *
 * @param kilowatts the billing demand, whole kW
 * @param setIn     the month whose peak set it (the billing month itself, or one of the 11 before)
 * @param monthPeakKilowatts this month's own peak, whole kW (0 when no slot had a value)
 * @param historyGaps the months of the ratchet's history under the contract whose slots did not all have a value: a peak
 *                    may be missing from it, so the billing demand may be understated. A bill with any is incomplete
 *                    (finalising it is a recorded decision), never silently billed as if the history were whole.
 */
public record BillingDemand(BigDecimal kilowatts, YearMonth setIn, BigDecimal monthPeakKilowatts, List<HistoryGap> historyGaps) {

    /** A month of the history with {@code missingSlots} slots that had no value. */
    public record HistoryGap(YearMonth month, int missingSlots) {
    }

    /** The ratchet looks back this many months before the billing month. */
    public static final int RATCHET_MONTHS = 11;

    public BillingDemand {
        Objects.requireNonNull(kilowatts, "kilowatts");
        Objects.requireNonNull(setIn, "setIn");
        Objects.requireNonNull(monthPeakKilowatts, "monthPeakKilowatts");
        historyGaps = List.copyOf(historyGaps);
    }

    public BillingDemand(BigDecimal kilowatts, YearMonth setIn, BigDecimal monthPeakKilowatts) {
        this(kilowatts, setIn, monthPeakKilowatts, List.of());
    }

    /** The same demand, with the history's gaps. */
    public BillingDemand withHistoryGaps(List<HistoryGap> gaps) {
        return new BillingDemand(kilowatts, setIn, monthPeakKilowatts, gaps);
    }

    /**
     * The months of the ratchet's history before {@code month} that {@code contract} covers and that lack values: a
     * month from the contract's start on is expected to have all its slots. Only a high-voltage
     * contract's charge depends on the history; a low-voltage one has none.
     *
     * @param slotsWithValue per earlier month, the slots that had a value (absent = none)
     */
    public static List<HistoryGap> historyGaps(SupplyContract contract, YearMonth month, Map<YearMonth, Integer> slotsWithValue) {
        if (contract.voltage() != SupplyVoltage.HIGH_VOLTAGE) {
            return List.of();
        }
        List<HistoryGap> gaps = new ArrayList<>();
        YearMonth start = YearMonth.from(contract.validity().from()); // supply contracts run in whole months
        for (YearMonth m = month.minusMonths(RATCHET_MONTHS); m.isBefore(month); m = m.plusMonths(1)) {
            if (m.isBefore(start)) {
                continue;
            }
            int missing = m.lengthOfMonth() * 48 - slotsWithValue.getOrDefault(m, 0);
            if (missing > 0) {
                gaps.add(new HistoryGap(m, missing));
            }
        }
        return gaps;
    }

    /** A slot's import (Wh) as 30-minute demand in whole kW: Wh × 2 / 1000, half-up. */
    public static BigDecimal demandKilowatts(long slotImportWh) {
        return BigDecimal.valueOf(Math.multiplyExact(slotImportWh, 2L), 3).setScale(0, RoundingMode.HALF_UP);
    }

    /**
     * @param month             the billing month
     * @param monthPeakWh       the highest slot import of the billing month, Wh
     * @param previousPeaksWh   the highest slot import per earlier month; months outside the 11 before
     *                          {@code month} are ignored, months without data may be absent
     */
    public static BillingDemand ratchet(YearMonth month, long monthPeakWh, Map<YearMonth, Long> previousPeaksWh) {
        BigDecimal monthPeak = demandKilowatts(monthPeakWh);
        BigDecimal best = monthPeak;
        YearMonth setIn = month;
        YearMonth earliest = month.minusMonths(RATCHET_MONTHS);
        for (Map.Entry<YearMonth, Long> e : previousPeaksWh.entrySet()) {
            YearMonth m = e.getKey();
            if (m.isBefore(earliest) || !m.isBefore(month)) {
                continue;
            }
            BigDecimal kw = demandKilowatts(e.getValue());
            // A tie keeps the later month: it is the one that keeps the level up longest.
            if (kw.compareTo(best) > 0 || (kw.compareTo(best) == 0 && m.isAfter(setIn) && !setIn.equals(month))) {
                best = kw;
                setIn = m;
            }
        }
        return new BillingDemand(best, setIn, monthPeak);
    }
}
