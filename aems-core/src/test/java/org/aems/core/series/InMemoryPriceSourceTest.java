package org.aems.core.series;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.aems.core.time.Slot;
import org.aems.core.unit.YenPerKwh;
import org.junit.jupiter.api.Test;

class InMemoryPriceSourceTest {

    private static final SeriesId SPOT = new SeriesId("jepx.spot.tokyo");
    private static final Slot NOON = Slot.of(LocalDate.of(2026, 5, 12), 25);
    private static final SeriesVersion AUCTION = new SeriesVersion(SPOT, 1, Instant.parse("2026-05-11T01:00:00Z"), "JEPX");
    private static final SeriesVersion CORRECTED = new SeriesVersion(SPOT, 2, Instant.parse("2026-05-13T01:00:00Z"), "JEPX");

    private final PriceSource prices = new InMemoryPriceSource(Map.of(SPOT, VersionedSeries.<YenPerKwh>empty(SPOT)
            .withVersion(AUCTION, List.of(new SeriesValue<>(NOON.start(), NOON.end(), YenPerKwh.of("0.01"), AUCTION)))
            .withVersion(CORRECTED, List.of(new SeriesValue<>(NOON.start(), NOON.end(), YenPerKwh.of("0.02"), CORRECTED)))));

    @Test
    void thePriceOfASlotIsTheNewestValueInForceAtItsStart() {
        assertThat(prices.price(SPOT, NOON)).get().satisfies(p -> {
            assertThat(p.value()).isEqualTo(YenPerKwh.of("0.02"));
            assertThat(p.version()).isEqualTo(CORRECTED);
        });
        assertThat(prices.price(SPOT, NOON.next())).isEmpty();
    }

    @Test
    void aSettlementRepeatedWithItsKnownAtInstantGetsTheSamePrice() {
        Instant settledAt = Instant.parse("2026-05-12T20:00:00Z");
        assertThat(prices.price(SPOT, NOON, settledAt)).get().extracting(SeriesValue::value).isEqualTo(YenPerKwh.of("0.01"));
    }

    @Test
    void anUnknownSeriesHasNoPrice() {
        assertThat(prices.price(new SeriesId("imbalance.tokyo"), NOON)).isEmpty();
    }
}
