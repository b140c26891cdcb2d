package org.aems.core.settlement.supply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.aems.core.grid.SiteId;
import org.aems.core.grid.Validity;
import org.aems.core.series.SeriesId;
import org.aems.core.settlement.BuybackTariff;
import org.aems.core.settlement.ContractId;
import org.aems.core.settlement.DayType;
import org.aems.core.settlement.DayTypeCalendar;
import org.aems.core.settlement.FixedPrice;
import org.aems.core.settlement.IntervalQuality;
import org.aems.core.settlement.MarketPrices;
import org.aems.core.settlement.PricingContext;
import org.aems.core.settlement.QualityCounts;
import org.aems.core.settlement.SettlementInputException;
import org.aems.core.settlement.TaxTreatment;
import org.aems.core.settlement.TimeOfUse;
import org.aems.core.settlement.TouBand;
import org.aems.core.settlement.ValueSource;
import org.aems.core.time.Slot;
import org.aems.core.unit.Energy;
import org.aems.core.unit.Yen;
import org.aems.core.unit.YenPerKwh;
import org.junit.jupiter.api.Test;

/** Hand-computed supply bills (#6): every line at full precision, truncation once, tax once. */
class SupplyBillTest {

    static final SiteId SCHOOL = SiteId.of("school-1");
    static final SeriesId FUEL = new SeriesId("fuel-cost.high-voltage");
    static final PricingContext CONTEXT = new PricingContext(DayTypeCalendar.weekendsOnly(), MarketPrices.NONE);
    static final InvoiceIssuer ISSUER = new InvoiceIssuer("T1234567890123", "湘南電力株式会社");
    static final YearMonth OCT_2025 = YearMonth.of(2025, 10);

    @Test
    void billsAHighVoltageMonthOnTheRatchetedDemandWithAPowerFactorDiscountAndANegativeFuelCostAdjustment() {
        // October 2025: 1,487 slots of 1 kWh and one of 25 kWh (50 kW); May 2025 peaked at 40 kWh (80 kW).
        SupplyContract contract = highVoltage(90, new FixedPrice(YenPerKwh.of("20.5")), TaxTreatment.TAX_EXCLUSIVE);
        SupplyBillAccumulator acc = new SupplyBillAccumulator(contract, OCT_2025);
        Slot peak = Slot.of(LocalDate.of(2025, 10, 7), 28);
        for (Slot slot = Slot.of(OCT_2025.atDay(1), 1); slot.date().getMonthValue() == 10; slot = slot.next()) {
            acc.add(slot, slot.equals(peak) ? 25_000 : 1_000, IntervalQuality.MEASURED, CONTEXT);
        }
        SupplyBill bill = SupplyBill.of(contract, OCT_2025, acc.inputs(Map.of(YearMonth.of(2025, 5), 40_000L),
                YenPerKwh.of("-1.21"), YenPerKwh.of("3.98")), ISSUER, LocalDate.of(2025, 11, 5));

        assertThat(bill.energy()).isEqualTo(Energy.ofWattHours(1_512_000));
        assertThat(bill.demand().monthPeakKilowatts()).isEqualByComparingTo("50");
        assertThat(bill.demand().setIn()).isEqualTo(YearMonth.of(2025, 5));
        assertThat(bill.chargedKilowatts()).isEqualByComparingTo("80");
        // 80 kW × 1,800 = 144,000; PF 90 % → 5 % discount −7,200; 1,512 kWh × 20.5 = 30,996;
        // × −1.21 = −1,829.52; × 3.98 = 6,017.76. Σ 171,984.24 → 171,984; tax ⌊17,198.4⌋ = 17,198.
        assertThat(bill.line(SupplyChargeKind.BASIC_CHARGE).amount()).isEqualTo(Yen.of(144_000));
        assertThat(bill.line(SupplyChargeKind.POWER_FACTOR_ADJUSTMENT).amount()).isEqualTo(Yen.of(-7_200));
        assertThat(bill.line(SupplyChargeKind.ENERGY_CHARGE).amount()).isEqualTo(Yen.of(30_996));
        assertThat(bill.line(SupplyChargeKind.FUEL_COST_ADJUSTMENT).amount()).isEqualTo(Yen.of("-1829.52"));
        assertThat(bill.line(SupplyChargeKind.RENEWABLE_SURCHARGE).amount()).isEqualTo(Yen.of("6017.76"));
        assertThat(bill.amount()).isEqualTo(Yen.of("171984.24"));
        assertThat(bill.amountTruncated()).isEqualTo(Yen.of(171_984));
        assertThat(bill.tax()).isEqualTo(Yen.of(17_198));
        assertThat(bill.total()).isEqualTo(Yen.of(189_182));
        assertThat(bill.amountExcludingTax()).isEqualTo(Yen.of(171_984));
        assertThat(bill.complete()).isTrue();
        assertThat(bill.quality().measured()).isEqualTo(1488);
        assertThat(bill.invoice()).isEqualTo(new QualifiedInvoice("T1234567890123", "湘南電力株式会社", LocalDate.of(2025, 11, 5),
                10, Yen.of(171_984), TaxTreatment.TAX_EXCLUSIVE, Yen.of(17_198)));
    }

    @Test
    void aPeakFiveMonthsAgoStillSetsTheBasicChargeDemand() {
        BillingDemand d = BillingDemand.ratchet(OCT_2025, 25_000, Map.of(YearMonth.of(2025, 5), 40_000L));
        assertThat(d.kilowatts()).isEqualByComparingTo("80");
        assertThat(d.setIn()).isEqualTo(YearMonth.of(2025, 5));
    }

    @Test
    void aPeakTwelveMonthsAgoNoLongerDoesButElevenMonthsAgoStillDoes() {
        // October 2024 is 12 months before October 2025: out. November 2024 is the 11th: in.
        BillingDemand d = BillingDemand.ratchet(OCT_2025, 25_000,
                Map.of(YearMonth.of(2024, 10), 60_000L, YearMonth.of(2024, 11), 30_000L));
        assertThat(d.kilowatts()).isEqualByComparingTo("60");
        assertThat(d.setIn()).isEqualTo(YearMonth.of(2024, 11));
        BillingDemand thisMonth = BillingDemand.ratchet(OCT_2025, 25_000, Map.of(YearMonth.of(2024, 10), 60_000L));
        assertThat(thisMonth.kilowatts()).isEqualByComparingTo("50");
        assertThat(thisMonth.setIn()).isEqualTo(OCT_2025);
        // Data from after the billing month (a later month's run) never counts.
        assertThat(BillingDemand.ratchet(OCT_2025, 25_000, Map.of(YearMonth.of(2025, 11), 90_000L)).kilowatts())
                .isEqualByComparingTo("50");
    }

    @Test
    void aHistoryMonthWithoutAllItsSlotsIsAGapThatMakesTheBillIncomplete() {
        // The contract runs from 2025-04-01: every month of the 11 before October is expected whole. June lacks 3 slots,
        // August has no interval at all (a meter outage): either may have held a higher peak.
        SupplyContract contract = highVoltage(90, new FixedPrice(YenPerKwh.of("20.5")), TaxTreatment.TAX_EXCLUSIVE);
        Map<YearMonth, Integer> slots = new java.util.HashMap<>();
        for (YearMonth m = YearMonth.of(2024, 11); m.isBefore(OCT_2025); m = m.plusMonths(1)) {
            slots.put(m, m.lengthOfMonth() * 48);
        }
        slots.put(YearMonth.of(2025, 6), 30 * 48 - 3);
        slots.remove(YearMonth.of(2025, 8));
        assertThat(BillingDemand.historyGaps(contract, OCT_2025, slots)).containsExactly(
                new BillingDemand.HistoryGap(YearMonth.of(2025, 6), 3), new BillingDemand.HistoryGap(YearMonth.of(2025, 8), 31 * 48));

        SupplyBillAccumulator acc = new SupplyBillAccumulator(contract, OCT_2025);
        for (Slot slot = Slot.of(OCT_2025.atDay(1), 1); slot.date().getMonthValue() == 10; slot = slot.next()) {
            acc.add(slot, 1_000, IntervalQuality.MEASURED, CONTEXT);
        }
        SupplyBill bill = SupplyBill.of(contract, OCT_2025, acc.inputs(Map.of(), slots, YenPerKwh.of("0"), YenPerKwh.of("3.98")),
                ISSUER, LocalDate.of(2025, 11, 5));
        assertThat(bill.quality().missing()).isZero();
        assertThat(bill.demand().historyGaps()).hasSize(2);
        assertThat(bill.complete()).as("every October slot measured, but the ratchet's history is not whole").isFalse();
    }

    @Test
    void onlyTheMonthsUnderTheContractAndOnlyAHighVoltageChargeNeedAWholeHistory() {
        // A contract from 2025-08-01 (supply contracts run in whole months): July and before are not expected.
        SupplyContract late = new SupplyContract(ContractId.of("sc-late"), 1, SCHOOL, new Validity(LocalDate.of(2025, 8, 1), null),
                SupplyVoltage.HIGH_VOLTAGE, null, BasicChargeRate.of("1800"), new FixedPrice(YenPerKwh.of("20")), new PowerFactor(85),
                FUEL, TaxTreatment.TAX_EXCLUSIVE);
        Map<YearMonth, Integer> whole = Map.of(YearMonth.of(2025, 8), 31 * 48, YearMonth.of(2025, 9), 30 * 48);
        assertThat(BillingDemand.historyGaps(late, OCT_2025, whole)).isEmpty();
        assertThat(BillingDemand.historyGaps(late, OCT_2025, Map.of(YearMonth.of(2025, 9), 30 * 48)))
                .containsExactly(new BillingDemand.HistoryGap(YearMonth.of(2025, 8), 31 * 48));
        // Low voltage: the charge is on the contracted kW, the history does not matter.
        assertThat(BillingDemand.historyGaps(lowVoltage(TaxTreatment.TAX_INCLUSIVE), OCT_2025, Map.of())).isEmpty();
    }

    @Test
    void roundsThirtyMinuteDemandHalfUpToWholeKilowatts() {
        // kW = slot kWh × 2: 25.250 kWh → 50.5 kW → 51; 25.249 kWh → 50.498 → 50.
        assertThat(BillingDemand.demandKilowatts(25_250)).isEqualByComparingTo("51");
        assertThat(BillingDemand.demandKilowatts(25_249)).isEqualByComparingTo("50");
        assertThat(BillingDemand.demandKilowatts(0)).isEqualByComparingTo("0");
    }

    @Test
    void adjustsTheBasicChargeOnePercentPerPowerFactorPointAwayFromEightyFiveClampedToFiftyToHundred() {
        assertThat(new PowerFactor(90).adjustment()).isEqualByComparingTo("-0.05");
        assertThat(new PowerFactor(85).adjustment()).isEqualByComparingTo("0");
        assertThat(new PowerFactor(80).adjustment()).isEqualByComparingTo("0.05");
        assertThat(new PowerFactor(100).adjustment()).isEqualByComparingTo("-0.15");
        assertThat(new PowerFactor(40).clampedPercent()).isEqualTo(50);
        assertThat(new PowerFactor(40).adjustment()).isEqualByComparingTo("0.35");
        assertThatThrownBy(() -> new PowerFactor(101)).hasMessage("power factor must be within 0..100 %, was 101 %");
    }

    @Test
    void truncatesOnceAtTheTotalNotPerLineAndTaxesOnce() {
        // Low voltage, 6 kW × 286 = 1,716; PF 85 → 0. 123.4 kWh × 30.57 = 3,772.338; × −2.63 = −324.542;
        // × 3.98 = 491.132. Σ 5,654.928 → 5,654. Truncating each line (toward zero) would give 5,655.
        SupplyContract exclusive = lowVoltage(TaxTreatment.TAX_EXCLUSIVE);
        SupplyBill bill = lowVoltageBill(exclusive);
        assertThat(bill.amount()).isEqualTo(Yen.of("5654.928"));
        assertThat(bill.amountTruncated()).isEqualTo(Yen.of(5_654));
        assertThat(bill.line(SupplyChargeKind.POWER_FACTOR_ADJUSTMENT).amount()).isEqualTo(Yen.ZERO);
        // Tax once on the truncated total: ⌊565.4⌋ = 565.
        assertThat(bill.tax()).isEqualTo(Yen.of(565));
        assertThat(bill.total()).isEqualTo(Yen.of(6_219));

        // Tax-inclusive prices: the 10/110 share of 5,654 = 514 exactly; the facility pays 5,654.
        SupplyBill inclusive = lowVoltageBill(lowVoltage(TaxTreatment.TAX_INCLUSIVE));
        assertThat(inclusive.tax()).isEqualTo(Yen.of(514));
        assertThat(inclusive.total()).isEqualTo(Yen.of(5_654));
        assertThat(inclusive.amountExcludingTax()).isEqualTo(Yen.of(5_140));
        assertThat(inclusive.invoice().amountTaxTreatment()).isEqualTo(TaxTreatment.TAX_INCLUSIVE);
    }

    @Test
    void taxesOncePerBillOnTheTotalNotPerLine() {
        // 1 kW × 9 + 1 kWh × 9 + 1 kWh × 9 (surcharge) = 27 yen: tax ⌊2.7⌋ = 2. Taxing each line would give
        // ⌊0.9⌋ × 3 = 0.
        SupplyContract contract = new SupplyContract(ContractId.of("sc-tiny"), 1, SCHOOL, Validity.from(LocalDate.of(2025, 4, 1)),
                SupplyVoltage.LOW_VOLTAGE, BigDecimal.ONE, BasicChargeRate.of("9"), new FixedPrice(YenPerKwh.of("9")),
                new PowerFactor(85), FUEL, TaxTreatment.TAX_EXCLUSIVE);
        SupplyBillAccumulator acc = new SupplyBillAccumulator(contract, OCT_2025);
        acc.add(Slot.of(OCT_2025.atDay(1), 1), 1_000, IntervalQuality.MEASURED, CONTEXT);
        SupplyBill bill = SupplyBill.of(contract, OCT_2025, acc.inputs(Map.of(), YenPerKwh.of("0"), YenPerKwh.of("9")), ISSUER,
                LocalDate.of(2025, 11, 5));
        assertThat(bill.amountTruncated()).isEqualTo(Yen.of(27));
        assertThat(bill.tax()).isEqualTo(Yen.of(2));
        assertThat(bill.total()).isEqualTo(Yen.of(29));
        assertThat(bill.invoice().taxForRate()).isEqualTo(Yen.of(2));
    }

    @Test
    void countsMissingSlotsAndBillsOnlyTheSlotsThatHaveValues() {
        SupplyContract contract = lowVoltage(TaxTreatment.TAX_EXCLUSIVE);
        SupplyBillAccumulator acc = new SupplyBillAccumulator(contract, OCT_2025);
        acc.add(Slot.of(OCT_2025.atDay(1), 1), 2_000, IntervalQuality.MEASURED, CONTEXT);
        acc.add(Slot.of(OCT_2025.atDay(1), 2), 1_000, IntervalQuality.ESTIMATED, CONTEXT);
        SupplyBill.Inputs in = acc.inputs(Map.of(), YenPerKwh.of("0"), YenPerKwh.of("3.98"));
        assertThat(in.quality().missing()).isEqualTo(1488 - 2);
        assertThat(in.quality().estimated()).isEqualTo(1);
        assertThat(in.energy()).isEqualTo(Energy.ofWattHours(3_000));
        assertThat(acc.missingSlots()).hasSize(1486).first().isEqualTo(Slot.of(OCT_2025.atDay(1), 3));
        assertThat(SupplyBill.of(contract, OCT_2025, in, ISSUER, LocalDate.of(2025, 11, 5)).complete()).isFalse();
        assertThatThrownBy(() -> acc.add(Slot.of(OCT_2025.atDay(1), 1), 5, IntervalQuality.MEASURED, CONTEXT))
                .hasMessageContaining("was added twice");
        assertThatThrownBy(() -> acc.add(Slot.of(OCT_2025.atDay(1), 3), -1, IntervalQuality.MISSING, CONTEXT))
                .hasMessageContaining("has no billable import");
    }

    @Test
    void countsCertifiedSlotsAsMeasuredAndDigestsTheirSource() {
        SupplyContract contract = lowVoltage(TaxTreatment.TAX_EXCLUSIVE);
        SupplyBillAccumulator gateway = new SupplyBillAccumulator(contract, OCT_2025);
        SupplyBillAccumulator certified = new SupplyBillAccumulator(contract, OCT_2025);
        Slot first = Slot.of(OCT_2025.atDay(1), 1);
        gateway.add(first, 2_000, IntervalQuality.MEASURED, CONTEXT);
        certified.add(first, 2_000, IntervalQuality.MEASURED, ValueSource.CERTIFIED, CONTEXT);
        certified.add(first.next(), 1_000, IntervalQuality.ESTIMATED, ValueSource.GATEWAY, CONTEXT);
        SupplyBill.Inputs in = certified.inputs(Map.of(), YenPerKwh.of("0"), YenPerKwh.of("3.98"));
        assertThat(in.quality()).isEqualTo(new QualityCounts(1, 1, 1488 - 2, 1));
        assertThat(in.quality().gateway()).isEqualTo(1);
        SupplyBillAccumulator sameAsGateway = new SupplyBillAccumulator(contract, OCT_2025);
        sameAsGateway.add(first, 2_000, IntervalQuality.MEASURED, ValueSource.CERTIFIED, CONTEXT);
        assertThat(sameAsGateway.inputs(Map.of(), YenPerKwh.of("0"), YenPerKwh.of("0")).lineDigest())
                .as("a certified value replacing an equal gateway value changes the digest")
                .isNotEqualTo(gateway.inputs(Map.of(), YenPerKwh.of("0"), YenPerKwh.of("0")).lineDigest());
        assertThatThrownBy(() -> certified.add(first.next().next(), 5, IntervalQuality.ESTIMATED, ValueSource.CERTIFIED, CONTEXT))
                .hasMessage("a certified value is MEASURED, slot " + first.next().next() + " was ESTIMATED");
    }

    @Test
    void pricesTheEnergyChargeWithATimeOfUseTariffPerSlot() {
        // Weekday slots 17..44 (08:00–22:00) at 25, other slots and weekends at 18. 2025-10-06 is a Monday.
        TimeOfUse tou = new TimeOfUse(List.of(new TouBand(DayType.WEEKDAY, 1, 16, YenPerKwh.of("18")),
                new TouBand(DayType.WEEKDAY, 17, 44, YenPerKwh.of("25")), new TouBand(DayType.WEEKDAY, 45, 48, YenPerKwh.of("18")),
                new TouBand(DayType.WEEKEND_OR_HOLIDAY, 1, 48, YenPerKwh.of("18"))));
        SupplyBillAccumulator acc = new SupplyBillAccumulator(highVoltage(85, tou, TaxTreatment.TAX_EXCLUSIVE), OCT_2025);
        assertThat(acc.add(Slot.of(LocalDate.of(2025, 10, 6), 20), 1_000, IntervalQuality.MEASURED, CONTEXT)).isEqualTo(YenPerKwh.of("25"));
        assertThat(acc.add(Slot.of(LocalDate.of(2025, 10, 5), 20), 1_000, IntervalQuality.MEASURED, CONTEXT)).isEqualTo(YenPerKwh.of("18"));
        assertThat(acc.inputs(Map.of(), YenPerKwh.of("0"), YenPerKwh.of("0")).energyCharge()).isEqualTo(Yen.of(43));
    }

    @Test
    void takesTheRenewableSurchargeOfTheFiscalYearThatStartsInApril() {
        RenewableSurchargeRates rates = new RenewableSurchargeRates(Map.of(2025, YenPerKwh.of("3.98"), 2026, YenPerKwh.of("4.10")));
        assertThat(rates.rateFor(YearMonth.of(2026, 3))).isEqualTo(YenPerKwh.of("3.98"));
        assertThat(rates.rateFor(YearMonth.of(2026, 4))).isEqualTo(YenPerKwh.of("4.10"));
        assertThat(RenewableSurchargeRates.fiscalYear(YearMonth.of(2026, 1))).isEqualTo(2025);
        assertThatThrownBy(() -> rates.rateFor(YearMonth.of(2027, 4)))
                .isInstanceOfSatisfying(SettlementInputException.class,
                        e -> assertThat(e.reason()).isEqualTo(SettlementInputException.Reason.MISSING_PRICE))
                .hasMessage("no renewable surcharge (再エネ賦課金) is configured for FY2027 (April 2027 to March 2028), needed for"
                        + " 2027-04; set aems.settlement.supply.renewable-surcharge.2027 to the rate METI published");
    }

    @Test
    void refusesOverlappingSupplyContractsNamingBoth() {
        SupplyContract a = highVoltage(85, new FixedPrice(YenPerKwh.of("20")), TaxTreatment.TAX_EXCLUSIVE);
        SupplyContract b = new SupplyContract(ContractId.of("sc-2"), 1, SCHOOL, Validity.from(LocalDate.of(2025, 9, 1)),
                SupplyVoltage.LOW_VOLTAGE, new BigDecimal("6"), BasicChargeRate.of("286"), new FixedPrice(YenPerKwh.of("30")),
                new PowerFactor(85), FUEL, TaxTreatment.TAX_EXCLUSIVE);
        assertThatThrownBy(() -> new SupplyContracts(SCHOOL, List.of(a, b)))
                .isInstanceOfSatisfying(SettlementInputException.class,
                        e -> assertThat(e.reason()).isEqualTo(SettlementInputException.Reason.OVERLAPPING_CONTRACTS))
                .hasMessage("supply contracts sc-1 v1 [2025-04-01, open) and sc-2 v1 [2025-09-01, open) of site school-1 overlap"
                        + " from 2025-09-01; end sc-1 on or before 2025-09-01");
        assertThat(new SupplyContracts(SCHOOL, List.of(a)).inForce(OCT_2025)).contains(a);
        assertThat(new SupplyContracts(SCHOOL, List.of(a)).inForce(YearMonth.of(2025, 3))).isEmpty();
    }

    @Test
    void refusesContractsThatStartMidMonthOrMixUpContractedPowerAndDemand() {
        assertThatThrownBy(() -> new SupplyContract(ContractId.of("sc-x"), 1, SCHOOL, Validity.from(LocalDate.of(2025, 4, 15)),
                SupplyVoltage.HIGH_VOLTAGE, null, BasicChargeRate.of("1800"), new FixedPrice(YenPerKwh.of("20")),
                new PowerFactor(85), FUEL, TaxTreatment.TAX_EXCLUSIVE))
                .hasMessage("supply contract sc-x: validity from must be the 1st of a month (bills are per calendar month, days"
                        + " are not pro-rated), was 2025-04-15");
        assertThatThrownBy(() -> new SupplyContract(ContractId.of("sc-x"), 1, SCHOOL, Validity.from(LocalDate.of(2025, 4, 1)),
                SupplyVoltage.HIGH_VOLTAGE, BigDecimal.TEN, BasicChargeRate.of("1800"), new FixedPrice(YenPerKwh.of("20")),
                new PowerFactor(85), FUEL, TaxTreatment.TAX_EXCLUSIVE))
                .hasMessageContaining("leave contracted power empty");
        assertThatThrownBy(() -> new InvoiceIssuer("1234567890123", "x"))
                .hasMessage("qualified-invoice registration number must be 'T' and 13 digits (e.g. T1234567890123), was '1234567890123'");
    }

    static SupplyContract highVoltage(int powerFactor, BuybackTariff tariff, TaxTreatment tax) {
        return new SupplyContract(ContractId.of("sc-1"), 1, SCHOOL, Validity.from(LocalDate.of(2025, 4, 1)),
                SupplyVoltage.HIGH_VOLTAGE, null, BasicChargeRate.of("1800"), tariff, new PowerFactor(powerFactor), FUEL, tax);
    }

    static SupplyContract lowVoltage(TaxTreatment tax) {
        return new SupplyContract(ContractId.of("sc-lv"), 1, SCHOOL, Validity.from(LocalDate.of(2025, 4, 1)),
                SupplyVoltage.LOW_VOLTAGE, new BigDecimal("6"), BasicChargeRate.of("286"), new FixedPrice(YenPerKwh.of("30.57")),
                new PowerFactor(85), FUEL, tax);
    }

    static SupplyBill lowVoltageBill(SupplyContract contract) {
        SupplyBillAccumulator acc = new SupplyBillAccumulator(contract, OCT_2025);
        int i = 0;
        for (Slot slot = Slot.of(OCT_2025.atDay(1), 1); slot.date().getMonthValue() == 10; slot = slot.next(), i++) {
            acc.add(slot, i % 372 == 0 ? 30_850 : 0, IntervalQuality.MEASURED, CONTEXT); // 4 slots of 30.85 kWh
        }
        return SupplyBill.of(contract, OCT_2025, acc.inputs(Map.of(), YenPerKwh.of("-2.63"), YenPerKwh.of("3.98")), ISSUER,
                LocalDate.of(2025, 11, 5));
    }
}
