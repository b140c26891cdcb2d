package org.aems.api.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.aems.core.series.SeriesId;
import org.aems.core.settlement.BuybackTariff;
import org.aems.core.settlement.DayType;
import org.aems.core.settlement.FixedPrice;
import org.aems.core.settlement.MarketLinked;
import org.aems.core.settlement.SettlementInputException;
import org.aems.core.settlement.TimeOfUse;
import org.aems.core.settlement.TouBand;
import org.aems.core.unit.YenPerKwh;
import org.junit.jupiter.api.Test;

/** The stored tariff form keeps every price exact, and a stored tariff with a hole is refused when read. */
class TariffJsonTest {

    @Test
    void writesAndReadsEveryTariffKindWithExactPrices() {
        List<BuybackTariff> tariffs = List.of(
                new FixedPrice(YenPerKwh.of("8.50")),
                new TimeOfUse(List.of(new TouBand(DayType.WEEKDAY, 1, 48, YenPerKwh.of("7.123456789")),
                        new TouBand(DayType.WEEKEND_OR_HOLIDAY, 1, 48, YenPerKwh.of("8")))),
                new MarketLinked(new SeriesId("jepx.spot.tokyo"), new BigDecimal("0.9"), YenPerKwh.of("1.5"), YenPerKwh.of("3")));
        for (BuybackTariff tariff : tariffs) {
            assertThat(TariffJson.read(TariffJson.write(tariff))).isEqualTo(tariff);
        }
        assertThat(TariffJson.write(tariffs.get(0))).isEqualTo("{\"kind\":\"FIXED\",\"price\":\"8.50\"}");
        // A JSON number is accepted too, read as its exact decimal.
        assertThat(TariffJson.read("{\"kind\":\"FIXED\",\"price\":8.5}")).isEqualTo(new FixedPrice(YenPerKwh.of("8.5")));
    }

    @Test
    void refusesUnknownKindsMissingPricesAndHoles() {
        assertThatThrownBy(() -> TariffJson.read("{\"kind\":\"FLAT\"}"))
                .hasMessage("tariff kind must be FIXED, TIME_OF_USE or MARKET_LINKED, was 'FLAT'");
        assertThatThrownBy(() -> TariffJson.read("{\"kind\":\"FIXED\"}"))
                .hasMessage("tariff field 'price' must be a decimal string such as \"8.5\"");
        assertThatThrownBy(() -> TariffJson.read("{\"kind\":\"TIME_OF_USE\",\"bands\":[{\"dayType\":\"WEEKDAY\",\"firstSlot\":1,"
                + "\"lastSlot\":48,\"price\":\"7\"}]}"))
                .isInstanceOf(SettlementInputException.class)
                .hasMessage("time-of-use tariff has no price for WEEKEND_OR_HOLIDAY slots 1..48");
    }
}
