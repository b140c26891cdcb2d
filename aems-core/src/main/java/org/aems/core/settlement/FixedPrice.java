package org.aems.core.settlement;

import java.util.Objects;
import org.aems.core.time.Slot;
import org.aems.core.unit.YenPerKwh;

/** One price for every slot, e.g. TEPCO EP's 8.5 yen/kWh for 卒FIT surplus. */
public record FixedPrice(YenPerKwh price) implements BuybackTariff {

    public FixedPrice {
        Objects.requireNonNull(price, "price");
        if (price.value().signum() < 0) {
            throw new IllegalArgumentException("fixed buy-back price must be >= 0 yen/kWh, was " + price);
        }
    }

    @Override
    public YenPerKwh unitPrice(Slot slot, PricingContext context) {
        return price;
    }
}
