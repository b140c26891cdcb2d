package org.aems.core.settlement;

import java.util.Objects;

/** What a tariff may look at besides the slot: the day-type calendar and the market prices of the run. */
public record PricingContext(DayTypeCalendar calendar, MarketPrices market) {
    public PricingContext {
        Objects.requireNonNull(calendar, "calendar");
        Objects.requireNonNull(market, "market");
    }
}
