package org.aems.optimizer.runtime;

import java.math.BigDecimal;
import java.util.List;
import org.aems.core.time.Slot;
import org.aems.core.unit.YenPerKwh;

/**
 * Prices by hour of the JST day (prefix {@code aems.optimizer.prices}): the stand-in until a JEPX feed is
 * connected through core's versioned series. The default purchase curve has the shape of a sunny JEPX Tokyo
 * day in spring (cheap midday, evening peak); the sale price is a typical 卒FIT buy-back of 8.5 yen/kWh.
 *
 * @param purchase        24 yen/kWh values, hour 0 first
 * @param sale            yen/kWh for energy sent back upstream
 * @param imbalanceFactor the expected imbalance price as a multiple of the slot's purchase price (default 1.5)
 */
public record TimeOfDayPrices(List<BigDecimal> purchase, BigDecimal sale, BigDecimal imbalanceFactor) implements SlotPrices {

    public static final TimeOfDayPrices DEFAULT = new TimeOfDayPrices(List.of(
            "11", "10", "10", "10", "10", "11", "13", "15", "12", "8", "5", "3",
            "3", "3", "4", "6", "10", "16", "20", "19", "17", "15", "13", "12").stream().map(BigDecimal::new).toList(),
            new BigDecimal("8.5"), new BigDecimal("1.5"));

    public TimeOfDayPrices {
        purchase = purchase == null ? DEFAULT.purchase() : List.copyOf(purchase);
        sale = sale == null ? DEFAULT.sale() : sale;
        imbalanceFactor = imbalanceFactor == null ? DEFAULT.imbalanceFactor() : imbalanceFactor;
        if (purchase.size() != 24) {
            throw new IllegalArgumentException("aems.optimizer.prices.purchase needs 24 hourly values (hour 0 first), had " + purchase.size());
        }
    }

    @Override
    public YenPerKwh purchase(Slot slot) {
        return new YenPerKwh(purchase.get(slot.startLocalTime().getHour()));
    }

    @Override
    public YenPerKwh sale(Slot slot) {
        return new YenPerKwh(sale);
    }

    @Override
    public YenPerKwh imbalance(Slot slot) {
        return new YenPerKwh(purchase(slot).value().multiply(imbalanceFactor));
    }
}
