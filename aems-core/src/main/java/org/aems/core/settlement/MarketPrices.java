package org.aems.core.settlement;

import org.aems.core.series.SeriesId;
import org.aems.core.series.SeriesVersion;
import org.aems.core.time.Slot;
import org.aems.core.unit.YenPerKwh;

/** Per-slot market prices (JEPX spot, Tokyo area) as a settlement sees them: fixed versions, no gaps tolerated. */
public interface MarketPrices {

    /**
     * The price of {@code series} for {@code slot}.
     *
     * @throws SettlementInputException {@code MISSING_PRICE}, naming the series and the slot, when there is none
     */
    YenPerKwh price(SeriesId series, Slot slot);

    /** The version the price of {@code slot} came from, for the run's manifest. */
    SeriesVersion version(SeriesId series, Slot slot);

    /** No market prices at all: any lookup fails with {@code MISSING_PRICE}. */
    MarketPrices NONE = new MarketPrices() {
        @Override
        public YenPerKwh price(SeriesId series, Slot slot) {
            throw SlotPriceTable.missing(series, slot);
        }

        @Override
        public SeriesVersion version(SeriesId series, Slot slot) {
            throw SlotPriceTable.missing(series, slot);
        }
    };
}
