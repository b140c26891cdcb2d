package org.aems.core.settlement;

import static org.aems.core.settlement.Fixtures.JEPX;
import static org.aems.core.settlement.Fixtures.NO_MARKET;
import static org.aems.core.settlement.Fixtures.SITE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.aems.core.series.InMemoryPriceSource;
import org.aems.core.time.Slot;
import org.aems.core.time.SlotRange;
import org.aems.core.unit.Energy;
import org.aems.core.unit.Yen;
import org.aems.core.unit.YenPerKwh;
import org.junit.jupiter.api.Test;

/** Unit prices per slot: time-of-use edges on slot edges, market-linked with its floor, missing prices. */
class TariffTest {

    static final LocalDate FRIDAY = LocalDate.of(2026, 5, 8);
    static final LocalDate SATURDAY = LocalDate.of(2026, 5, 9);

    // Weekday: 7 yen until 09:30, 12 yen 09:30–16:00 (slots 20..32), 9 yen after; weekends and holidays 8 yen.
    static final TimeOfUse TOU = new TimeOfUse(List.of(
            new TouBand(DayType.WEEKDAY, 1, 19, YenPerKwh.of("7")),
            new TouBand(DayType.WEEKDAY, 20, 32, YenPerKwh.of("12")),
            new TouBand(DayType.WEEKDAY, 33, 48, YenPerKwh.of("9")),
            new TouBand(DayType.WEEKEND_OR_HOLIDAY, 1, 48, YenPerKwh.of("8"))));

    @Test
    void timeOfUseChangesPriceExactlyAtTheSlotEdge() {
        Slot before = Slot.containing(Instant.parse("2026-05-08T00:29:59Z")); // 09:29:59 JST
        Slot after = Slot.containing(Instant.parse("2026-05-08T00:30:00Z"));  // 09:30:00 JST
        assertThat(before).isEqualTo(Slot.of(FRIDAY, 19));
        assertThat(after).isEqualTo(Slot.of(FRIDAY, 20));

        SlotLine l19 = SlotLine.price(SITE, before, Energy.ofWattHours(1234), IntervalQuality.MEASURED, TOU, NO_MARKET);
        SlotLine l20 = SlotLine.price(SITE, after, Energy.ofWattHours(1234), IntervalQuality.MEASURED, TOU, NO_MARKET);
        assertThat(l19.unitPrice()).isEqualTo(YenPerKwh.of("7"));
        assertThat(l19.amount()).isEqualTo(Yen.of("8.638"));   // 1.234 × 7
        assertThat(l20.unitPrice()).isEqualTo(YenPerKwh.of("12"));
        assertThat(l20.amount()).isEqualTo(Yen.of("14.808"));  // 1.234 × 12
        assertThat(TOU.unitPrice(Slot.of(FRIDAY, 32), NO_MARKET)).isEqualTo(YenPerKwh.of("12"));
        assertThat(TOU.unitPrice(Slot.of(FRIDAY, 33), NO_MARKET)).isEqualTo(YenPerKwh.of("9"));
    }

    @Test
    void timeOfUsePricesWeekendsAndGivenHolidaysAsTheirDayType() {
        assertThat(TOU.unitPrice(Slot.of(SATURDAY, 25), NO_MARKET)).isEqualTo(YenPerKwh.of("8"));
        // 2026-05-06 is a Wednesday and a substitute holiday (振替休日).
        LocalDate holiday = LocalDate.of(2026, 5, 6);
        PricingContext withHoliday = new PricingContext(DayTypeCalendar.withHolidays(Set.of(holiday)), MarketPrices.NONE);
        assertThat(TOU.unitPrice(Slot.of(holiday, 25), NO_MARKET)).isEqualTo(YenPerKwh.of("12"));
        assertThat(TOU.unitPrice(Slot.of(holiday, 25), withHoliday)).isEqualTo(YenPerKwh.of("8"));
    }

    @Test
    void refusesATimeOfUseTariffWithAHoleOrADoublePrice() {
        assertThatThrownBy(() -> new TimeOfUse(List.of(
                new TouBand(DayType.WEEKDAY, 1, 16, YenPerKwh.of("7")),
                new TouBand(DayType.WEEKDAY, 21, 47, YenPerKwh.of("12")),
                new TouBand(DayType.WEEKEND_OR_HOLIDAY, 1, 48, YenPerKwh.of("8")))))
                .isInstanceOf(SettlementInputException.class)
                .hasMessage("time-of-use tariff has no price for WEEKDAY slots 17..20, 48")
                .extracting(e -> ((SettlementInputException) e).reason()).isEqualTo(SettlementInputException.Reason.TARIFF_GAP);
        assertThatThrownBy(() -> new TimeOfUse(List.of(
                new TouBand(DayType.WEEKDAY, 1, 48, YenPerKwh.of("7")),
                new TouBand(DayType.WEEKEND_OR_HOLIDAY, 1, 30, YenPerKwh.of("8")),
                new TouBand(DayType.WEEKEND_OR_HOLIDAY, 30, 48, YenPerKwh.of("9")))))
                .hasMessage("time-of-use tariff has more than one price for WEEKEND_OR_HOLIDAY slots 30");
    }

    @Test
    void marketLinkedPriceNeverFallsBelowItsFloor() {
        // JEPX × 0.9 + 1.5, floor 3: at 0.01 yen/kWh (midday surplus) → 1.509 → floor 3; at 10.00 → 10.5.
        Slot noon = Slot.of(FRIDAY, 25);
        SlotPriceTable prices = SlotPriceTable.load(new InMemoryPriceSource(java.util.Map.of(JEPX, Fixtures.jepx(noon, "0.01", "10.00"))),
                Set.of(JEPX), SlotRange.of(noon, noon.next()), Instant.parse("2026-05-10T00:00:00Z"));
        PricingContext context = new PricingContext(DayTypeCalendar.weekendsOnly(), prices);
        MarketLinked tariff = new MarketLinked(JEPX, new BigDecimal("0.9"), YenPerKwh.of("1.5"), YenPerKwh.of("3"));

        SlotLine low = SlotLine.price(SITE, noon, Energy.ofWattHours(2000), IntervalQuality.MEASURED, tariff, context);
        SlotLine high = SlotLine.price(SITE, noon.next(), Energy.ofWattHours(1000), IntervalQuality.MEASURED, tariff, context);
        assertThat(low.unitPrice()).isEqualTo(YenPerKwh.of("3"));
        assertThat(low.amount()).isEqualTo(Yen.of("6"));
        assertThat(high.unitPrice()).isEqualTo(YenPerKwh.of("10.5"));
        assertThat(high.amount()).isEqualTo(Yen.of("10.5"));
        assertThat(prices.versionsUsed()).extracting(v -> v.series() + " v" + v.version()).containsExactly("jepx.spot.tokyo v1");
    }

    @Test
    void aMissingMarketPriceIsAnErrorNamingTheSlotNeverAZero() {
        Slot noon = Slot.of(FRIDAY, 25);
        SlotPriceTable prices = SlotPriceTable.load(new InMemoryPriceSource(java.util.Map.of(JEPX, Fixtures.jepx(noon, "9.00"))),
                Set.of(JEPX), SlotRange.of(noon, noon.next()), Instant.parse("2026-05-10T00:00:00Z"));
        MarketLinked tariff = new MarketLinked(JEPX, BigDecimal.ONE, YenPerKwh.of("0"), YenPerKwh.of("0"));
        PricingContext context = new PricingContext(DayTypeCalendar.weekendsOnly(), prices);

        assertThatThrownBy(() -> SlotLine.price(SITE, noon.next(), Energy.ofWattHours(500), IntervalQuality.MEASURED, tariff, context))
                .isInstanceOf(SettlementInputException.class)
                .hasMessage("price series jepx.spot.tokyo has no price for slot 2026-05-08#26 (starting 2026-05-08T03:30:00Z);"
                        + " load the missing price, settlement never prices a slot at zero")
                .extracting(e -> ((SettlementInputException) e).reason()).isEqualTo(SettlementInputException.Reason.MISSING_PRICE);
    }

    @Test
    void pricesPublishedAfterTheRunAreNotSeenByIt() {
        Slot noon = Slot.of(FRIDAY, 25);
        SlotPriceTable before = SlotPriceTable.load(new InMemoryPriceSource(java.util.Map.of(JEPX, Fixtures.jepx(noon, "9.00"))),
                Set.of(JEPX), SlotRange.of(noon, noon), Instant.parse("2026-04-30T02:59:59Z"));
        assertThatThrownBy(() -> before.price(JEPX, noon)).isInstanceOf(SettlementInputException.class);
    }
}
