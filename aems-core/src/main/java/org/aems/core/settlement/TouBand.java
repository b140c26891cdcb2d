package org.aems.core.settlement;

import java.util.Objects;
import org.aems.core.time.Slot;
import org.aems.core.unit.YenPerKwh;

/** A time-of-use price for slots {@code firstSlot..lastSlot} (both included, 1..48) of one day type. */
public record TouBand(DayType dayType, int firstSlot, int lastSlot, YenPerKwh price) {
    public TouBand {
        Objects.requireNonNull(dayType, "dayType");
        Objects.requireNonNull(price, "price");
        if (firstSlot < 1 || lastSlot > Slot.SLOTS_PER_DAY || lastSlot < firstSlot) {
            throw new IllegalArgumentException("time-of-use band must cover slots within 1..48 with first <= last, was "
                    + firstSlot + ".." + lastSlot);
        }
        if (price.value().signum() < 0) {
            throw new IllegalArgumentException("time-of-use price must be >= 0 yen/kWh, was " + price);
        }
    }
}
