package org.aems.core.settlement;

import java.util.Objects;
import org.aems.core.grid.SiteId;
import org.aems.core.time.Slot;
import org.aems.core.unit.Energy;
import org.aems.core.unit.Yen;
import org.aems.core.unit.YenPerKwh;

/**
 * One slot of a purchase statement: the surplus bought (the meter's export, never negative), its unit
 * price and the amount at full precision ({@code energy × unitPrice}, unrounded), and the quality of the
 * interval it came from. A MISSING interval has no line: it is counted, not priced.
 */
public record SlotLine(SiteId site, Slot slot, Energy energy, YenPerKwh unitPrice, Yen amount, IntervalQuality quality) {

    public SlotLine {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(slot, "slot");
        Objects.requireNonNull(energy, "energy");
        Objects.requireNonNull(unitPrice, "unitPrice");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(quality, "quality");
        if (energy.isNegative()) {
            throw new IllegalArgumentException("surplus energy must be >= 0 Wh, was " + energy.wattHours() + " Wh at " + slot);
        }
        if (quality == IntervalQuality.MISSING) {
            throw new IllegalArgumentException("slot " + slot + " of site " + site + " is MISSING: it has no line, the statement counts it");
        }
    }

    /** Prices the surplus of {@code slot} with {@code contract}'s tariff. */
    public static SlotLine price(SiteId site, Slot slot, Energy exported, IntervalQuality quality, BuybackTariff tariff,
                                 PricingContext context) {
        YenPerKwh price = tariff.unitPrice(slot, context);
        return new SlotLine(site, slot, exported, price, exported.times(price), quality);
    }
}
