package org.aems.core.settlement;

import org.aems.core.time.Slot;
import org.aems.core.unit.YenPerKwh;

/**
 * How a buy-back contract prices a kWh of surplus in a slot: {@link FixedPrice}, {@link TimeOfUse} or
 * {@link MarketLinked}. Unit prices are exact; nothing is rounded before the statement total.
 */
public sealed interface BuybackTariff permits FixedPrice, TimeOfUse, MarketLinked {

    /**
     * The unit price for {@code slot}.
     *
     * @throws SettlementInputException {@code MISSING_PRICE} when a market price the tariff needs is absent
     */
    YenPerKwh unitPrice(Slot slot, PricingContext context);
}
