package org.aems.core.settlement;

import static org.aems.core.settlement.Fixtures.NO_MARKET;
import static org.aems.core.settlement.Fixtures.SITE;
import static org.aems.core.settlement.Fixtures.contract;
import static org.aems.core.settlement.Fixtures.fixed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.aems.core.time.Slot;
import org.aems.core.unit.Energy;
import org.aems.core.unit.Yen;
import org.junit.jupiter.api.Test;

/** Hand-computed purchase statements: the one rounding at the total, and the tax once per document. */
class PurchaseStatementTest {

    static final LocalDate MAY_1 = LocalDate.of(2026, 5, 1);
    static final SettlementPeriod MAY = SettlementPeriod.calendarMonth(YearMonth.of(2026, 5));

    @Test
    void truncatesATotalEndingIn999YenOnceAtTheTotalNotPerLine() {
        // 12.333 yen/kWh × (2.100 + 0.450 + 0.450) kWh = 25.8993 + 5.54985 + 5.54985 = 36.999 yen.
        // Truncating per line would give 25 + 5 + 5 = 35; rounding the total half-up 37. The rule gives 36.
        ContractSegment segment = segment(contract("c-1", 1, "2026-01-01", null, fixed("12.333"), TaxTreatment.TAX_INCLUSIVE));
        StatementAccumulator acc = new StatementAccumulator(SITE, segment);
        acc.add(line(Slot.of(MAY_1, 20), 2100, segment));
        acc.add(line(Slot.of(MAY_1, 21), 450, segment));
        acc.add(line(Slot.of(MAY_1, 22), 450, segment));

        PurchaseStatement s = acc.statement();
        assertThat(s.energy()).isEqualTo(Energy.ofWattHours(3000));
        assertThat(s.amount().amount()).hasToString("36.999000");
        assertThat(s.amountTruncated()).isEqualTo(Yen.of(36));
        // Tax-inclusive: the 10/110 share of 36 = 3.27… → 3; paid 36, of which 33 before tax.
        assertThat(s.tax()).isEqualTo(Yen.of(3));
        assertThat(s.payment()).isEqualTo(Yen.of(36));
        assertThat(s.amountExcludingTax()).isEqualTo(Yen.of(33));
    }

    @Test
    void addsTenPercentTaxOnceOnTheTruncatedTotalForTaxExclusivePrices() {
        // 12.333 × 3.000 = 36.999 → 36; tax ⌊3.6⌋ = 3; payment 39.
        ContractSegment segment = segment(contract("c-1", 1, "2026-01-01", null, fixed("12.333"), TaxTreatment.TAX_EXCLUSIVE));
        StatementAccumulator acc = new StatementAccumulator(SITE, segment);
        acc.add(line(Slot.of(MAY_1, 20), 3000, segment));

        PurchaseStatement s = acc.statement();
        assertThat(s.amountTruncated()).isEqualTo(Yen.of(36));
        assertThat(s.tax()).isEqualTo(Yen.of(3));
        assertThat(s.payment()).isEqualTo(Yen.of(39));
        assertThat(s.amountExcludingTax()).isEqualTo(Yen.of(36));
    }

    @Test
    void countsSlotsWithoutALineAsMissingNeverAsZero() {
        ContractSegment segment = segment(contract("c-1", 1, "2026-01-01", null, fixed("8.5"), TaxTreatment.TAX_INCLUSIVE));
        StatementAccumulator acc = new StatementAccumulator(SITE, segment);
        acc.add(line(Slot.of(MAY_1, 1), 100, segment));
        acc.add(new SlotLine(SITE, Slot.of(MAY_1, 2), Energy.ofWattHours(200), fixed("8.5").price(),
                Energy.ofWattHours(200).times(fixed("8.5").price()), IntervalQuality.ESTIMATED));

        PurchaseStatement s = acc.statement();
        assertThat(s.quality()).isEqualTo(new QualityCounts(1, 1, 31 * 48 - 2));
        assertThat(s.complete()).isFalse();
        assertThat(acc.missingSlots()).hasSize(31 * 48 - 2).startsWith(Slot.of(MAY_1, 3)).endsWith(Slot.of(LocalDate.of(2026, 5, 31), 48));
        // 0.300 kWh × 8.5 = 2.55 → 2 yen, of which ⌊2 × 10/110⌋ = 0 tax.
        assertThat(s.amountTruncated()).isEqualTo(Yen.of(2));
        assertThat(s.tax()).isEqualTo(Yen.ZERO);
    }

    @Test
    void theMonthStartsAt1500UtcAndTheSlotBeforeBelongsToTheMonthBefore() {
        assertThat(MAY.start()).isEqualTo(Instant.parse("2026-04-30T15:00:00Z"));
        assertThat(MAY.end()).isEqualTo(Instant.parse("2026-05-31T15:00:00Z"));
        assertThat(MAY.slots().size()).isEqualTo(31 * 48);
        ContractSegment segment = segment(contract("c-1", 1, "2026-01-01", null, fixed("10"), TaxTreatment.TAX_INCLUSIVE));
        StatementAccumulator acc = new StatementAccumulator(SITE, segment);

        Slot lastOfApril = Slot.containing(Instant.parse("2026-04-30T14:30:00Z"));
        Slot firstOfMay = Slot.containing(Instant.parse("2026-04-30T15:00:00Z"));
        Slot lastOfMay = Slot.containing(Instant.parse("2026-05-31T14:59:59Z"));
        assertThat(lastOfApril).isEqualTo(Slot.of(LocalDate.of(2026, 4, 30), 48));
        assertThat(firstOfMay).isEqualTo(Slot.of(MAY_1, 1));
        assertThatThrownBy(() -> acc.add(line(lastOfApril, 1000, segment)))
                .hasMessage("slot 2026-04-30#48 is outside segment 2026-05-01..2026-06-01");
        acc.add(line(firstOfMay, 1000, segment));
        acc.add(line(lastOfMay, 500, segment));
        assertThat(acc.statement().amount()).isEqualTo(Yen.of(15));
    }

    @Test
    void aMeterReadingPeriodRunsFromOneReadingDayToTheNext() {
        SettlementPeriod period = SettlementPeriod.meterReading(LocalDate.of(2026, 4, 14), LocalDate.of(2026, 5, 14));
        assertThat(period.start()).isEqualTo(Instant.parse("2026-04-13T15:00:00Z"));
        assertThat(period.end()).isEqualTo(Instant.parse("2026-05-13T15:00:00Z"));
        assertThat(period.slots().size()).isEqualTo(30 * 48);
        assertThat(period).hasToString("METER_READING 2026-04-14..2026-05-13");
    }

    @Test
    void refusesASlotAddedTwice() {
        ContractSegment segment = segment(contract("c-1", 1, "2026-01-01", null, fixed("10"), TaxTreatment.TAX_INCLUSIVE));
        StatementAccumulator acc = new StatementAccumulator(SITE, segment);
        acc.add(line(Slot.of(MAY_1, 5), 10, segment));
        assertThatThrownBy(() -> acc.add(line(Slot.of(MAY_1, 5), 10, segment)))
                .hasMessage("slot 2026-05-01#5 of site s-1 was added twice");
    }

    @Test
    void theDigestDoesNotDependOnTheOrderOfLinesButOnEveryValue() {
        ContractSegment segment = segment(contract("c-1", 1, "2026-01-01", null, fixed("10"), TaxTreatment.TAX_INCLUSIVE));
        List<SlotLine> lines = List.of(line(Slot.of(MAY_1, 5), 10, segment), line(Slot.of(MAY_1, 6), 20, segment));
        StatementAccumulator forward = new StatementAccumulator(SITE, segment);
        lines.forEach(forward::add);
        StatementAccumulator backward = new StatementAccumulator(SITE, segment);
        backward.add(lines.get(1));
        backward.add(lines.get(0));
        StatementAccumulator moved = new StatementAccumulator(SITE, segment);
        moved.add(line(Slot.of(MAY_1, 5), 20, segment));
        moved.add(line(Slot.of(MAY_1, 6), 10, segment));

        assertThat(backward.statement()).isEqualTo(forward.statement());
        // Same total kWh and yen, energy moved between slots: the digest tells.
        assertThat(moved.statement().amount()).isEqualTo(forward.statement().amount());
        assertThat(moved.statement().lineDigest()).isNotEqualTo(forward.statement().lineDigest());
        assertThat(LineDigest.parse(LineDigest.format(forward.statement().lineDigest()))).isEqualTo(forward.statement().lineDigest());
    }

    @Test
    void taxNeedsAWholeYenTotal() {
        assertThatThrownBy(() -> ConsumptionTax.includedIn(Yen.of("10.5")))
                .hasMessage("consumption tax applies to a whole-yen total, was 10.5 yen; truncate the total first (Yen.truncateToWholeYen)");
        assertThat(ConsumptionTax.includedIn(Yen.of("110.000"))).isEqualTo(Yen.of(10));
        assertThat(ConsumptionTax.onExclusive(Yen.of(109))).isEqualTo(Yen.of(10));
    }

    static ContractSegment segment(BuybackContract c) {
        return new SiteContracts(SITE, List.of(c)).segments(MAY).get(0);
    }

    static SlotLine line(Slot slot, long wh, ContractSegment segment) {
        return SlotLine.price(SITE, slot, Energy.ofWattHours(wh), IntervalQuality.MEASURED, segment.contract().tariff(), NO_MARKET);
    }
}
