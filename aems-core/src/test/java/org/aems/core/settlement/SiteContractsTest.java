package org.aems.core.settlement;

import static org.aems.core.settlement.Fixtures.SITE;
import static org.aems.core.settlement.Fixtures.contract;
import static org.aems.core.settlement.Fixtures.fixed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.aems.core.grid.SiteId;
import org.aems.core.time.Slot;
import org.aems.core.unit.Energy;
import org.aems.core.unit.Yen;
import org.junit.jupiter.api.Test;

/** Contract lookup: one contract per day, gaps between contracts refused, a change splits the statement. */
class SiteContractsTest {

    static final SettlementPeriod MAY = SettlementPeriod.calendarMonth(YearMonth.of(2026, 5));

    @Test
    void refusesOverlappingContractsNamingBoth() {
        BuybackContract a = contract("c-1", 2, "2026-04-01", "2026-06-01", fixed("8.5"), TaxTreatment.TAX_INCLUSIVE);
        BuybackContract b = contract("c-2", 1, "2026-05-15", null, fixed("9"), TaxTreatment.TAX_INCLUSIVE);
        assertThatThrownBy(() -> new SiteContracts(SITE, List.of(b, a)))
                .isInstanceOf(SettlementInputException.class)
                .hasMessage("buy-back contracts c-1 v2 [2026-04-01, 2026-06-01) and c-2 v1 [2026-05-15, open) of site s-1"
                        + " overlap from 2026-05-15; end c-1 on or before 2026-05-15")
                .extracting(e -> ((SettlementInputException) e).reason())
                .isEqualTo(SettlementInputException.Reason.OVERLAPPING_CONTRACTS);
    }

    @Test
    void refusesAGapBetweenTwoContractsInsideThePeriod() {
        SiteContracts contracts = new SiteContracts(SITE, List.of(
                contract("c-1", 1, "2026-01-01", "2026-05-10", fixed("8.5"), TaxTreatment.TAX_INCLUSIVE),
                contract("c-2", 1, "2026-05-15", null, fixed("9"), TaxTreatment.TAX_INCLUSIVE)));
        assertThatThrownBy(() -> contracts.segments(MAY))
                .isInstanceOf(SettlementInputException.class)
                .hasMessage("site s-1 has no buy-back contract from 2026-05-10 until 2026-05-15 (exclusive), between contracts"
                        + " c-1 v1 [2026-01-01, 2026-05-10) and c-2 v1 [2026-05-15, open); extend one or add a contract for those days")
                .extracting(e -> ((SettlementInputException) e).reason()).isEqualTo(SettlementInputException.Reason.CONTRACT_GAP);
        // The gap is outside April: April settles.
        assertThat(contracts.segments(SettlementPeriod.calendarMonth(YearMonth.of(2026, 4)))).hasSize(1);
    }

    @Test
    void aContractChangeMidPeriodSplitsTheStatementAndEachHalfIsRoundedOnItsOwn() {
        SiteContracts contracts = new SiteContracts(SITE, List.of(
                contract("c-1", 1, "2026-01-01", "2026-05-16", fixed("8.5"), TaxTreatment.TAX_INCLUSIVE),
                contract("c-2", 1, "2026-05-16", null, fixed("11.1"), TaxTreatment.TAX_INCLUSIVE)));
        List<ContractSegment> segments = contracts.segments(MAY);
        assertThat(segments).extracting(s -> s.contract().id().value() + " " + s.from() + ".." + s.until())
                .containsExactly("c-1 2026-05-01..2026-05-16", "c-2 2026-05-16..2026-06-01");
        assertThat(segments.get(0).slotCount()).isEqualTo(15 * 48);
        assertThat(segments.get(1).slotCount()).isEqualTo(16 * 48);

        // 15:00 UTC on 05-15 is 00:00 JST on 05-16: the first slot of the new contract.
        Slot lastOld = Slot.of(LocalDate.of(2026, 5, 15), 48);
        Slot firstNew = Slot.of(LocalDate.of(2026, 5, 16), 1);
        StatementAccumulator old = new StatementAccumulator(SITE, segments.get(0));
        StatementAccumulator neu = new StatementAccumulator(SITE, segments.get(1));
        old.add(SlotLine.price(SITE, lastOld, Energy.ofWattHours(1999), IntervalQuality.MEASURED, segments.get(0).contract().tariff(), Fixtures.NO_MARKET));
        neu.add(SlotLine.price(SITE, firstNew, Energy.ofWattHours(1999), IntervalQuality.MEASURED, segments.get(1).contract().tariff(), Fixtures.NO_MARKET));

        // 1.999 × 8.5 = 16.9915 → 16; 1.999 × 11.1 = 22.1889 → 22 (one statement would be 39.1804 → 39).
        assertThat(old.statement().amountTruncated()).isEqualTo(Yen.of(16));
        assertThat(neu.statement().amountTruncated()).isEqualTo(Yen.of(22));
        assertThat(neu.statement().contract()).isEqualTo(ContractId.of("c-2"));
    }

    @Test
    void daysBeforeTheFirstContractAreNotUnderContractAndNotAnError() {
        SiteContracts contracts = new SiteContracts(SITE, List.of(
                contract("c-1", 1, "2026-05-20", null, fixed("8.5"), TaxTreatment.TAX_INCLUSIVE)));
        assertThat(contracts.segments(MAY)).extracting(s -> s.from() + ".." + s.until()).containsExactly("2026-05-20..2026-06-01");
        assertThat(contracts.segments(SettlementPeriod.calendarMonth(YearMonth.of(2026, 4)))).isEmpty();
    }

    @Test
    void refusesAContractOfAnotherSite() {
        BuybackContract other = new BuybackContract(ContractId.of("c-9"), 1, SiteId.of("s-9"),
                contract("x", 1, "2026-01-01", null, fixed("1"), TaxTreatment.TAX_INCLUSIVE).validity(), fixed("1"), TaxTreatment.TAX_INCLUSIVE);
        assertThatThrownBy(() -> new SiteContracts(SITE, List.of(other)))
                .hasMessage("contract c-9 v1 [2026-01-01, open) belongs to site s-9, not s-1");
    }
}
