package org.aems.core.settlement;

import java.math.BigDecimal;
import java.util.Objects;
import org.aems.core.series.SeriesId;
import org.aems.core.time.Slot;
import org.aems.core.unit.YenPerKwh;

/**
 * A market-linked price: the slot's market price (JEPX spot, Tokyo area) × {@code factor} + {@code adder},
 * but never below {@code floor}. Exact: {@code max(market × factor + adder, floor)}, no rounding.
 */
public record MarketLinked(SeriesId series, BigDecimal factor, YenPerKwh adder, YenPerKwh floor) implements BuybackTariff {

    public MarketLinked {
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(factor, "factor");
        Objects.requireNonNull(adder, "adder");
        Objects.requireNonNull(floor, "floor");
        if (factor.signum() < 0) {
            throw new IllegalArgumentException("market-linked factor must be >= 0, was " + factor.toPlainString());
        }
        if (floor.value().signum() < 0) {
            throw new IllegalArgumentException("market-linked floor must be >= 0 yen/kWh, was " + floor);
        }
    }

    @Override
    public YenPerKwh unitPrice(Slot slot, PricingContext context) {
        YenPerKwh linked = context.market().price(series, slot).times(factor).plus(adder);
        return YenPerKwh.max(linked, floor);
    }
}
