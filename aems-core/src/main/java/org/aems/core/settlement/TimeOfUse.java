package org.aems.core.settlement;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.aems.core.time.Slot;
import org.aems.core.unit.YenPerKwh;

/**
 * Prices by slot and day type. Every slot 1..48 of every {@link DayType} has exactly one band: a tariff
 * with a hole or a double price is refused when it is built, not discovered as a zero in a statement.
 * Band edges are slot edges (slot 20 = 09:30–10:00 JST), so a price change never splits a slot.
 */
public record TimeOfUse(List<TouBand> bands) implements BuybackTariff {

    public TimeOfUse {
        bands = List.copyOf(Objects.requireNonNull(bands, "bands"));
        for (DayType dayType : DayType.values()) {
            int[] cover = new int[Slot.SLOTS_PER_DAY + 1];
            for (TouBand band : bands) {
                if (band.dayType() == dayType) {
                    for (int i = band.firstSlot(); i <= band.lastSlot(); i++) {
                        cover[i]++;
                    }
                }
            }
            List<String> holes = runs(cover, 0);
            if (!holes.isEmpty()) {
                throw new SettlementInputException(SettlementInputException.Reason.TARIFF_GAP,
                        "time-of-use tariff has no price for " + dayType + " slots " + String.join(", ", holes));
            }
            List<String> doubles = runs(cover, 2);
            if (!doubles.isEmpty()) {
                throw new SettlementInputException(SettlementInputException.Reason.TARIFF_GAP,
                        "time-of-use tariff has more than one price for " + dayType + " slots " + String.join(", ", doubles));
            }
        }
    }

    @Override
    public YenPerKwh unitPrice(Slot slot, PricingContext context) {
        DayType dayType = context.calendar().dayType(slot.date());
        for (TouBand band : bands) {
            if (band.dayType() == dayType && slot.index() >= band.firstSlot() && slot.index() <= band.lastSlot()) {
                return band.price();
            }
        }
        throw new IllegalStateException("unreachable: bands were checked to cover every slot");
    }

    /** Runs of slots whose cover count is {@code 0} (when {@code count} is 0) or at least {@code count}, as "a..b". */
    private static List<String> runs(int[] cover, int count) {
        List<String> runs = new ArrayList<>();
        int start = -1;
        for (int i = 1; i <= Slot.SLOTS_PER_DAY + 1; i++) {
            boolean hit = i <= Slot.SLOTS_PER_DAY && (count == 0 ? cover[i] == 0 : cover[i] >= count);
            if (hit && start < 0) {
                start = i;
            } else if (!hit && start >= 0) {
                runs.add(start == i - 1 ? String.valueOf(start) : start + ".." + (i - 1));
                start = -1;
            }
        }
        return runs;
    }
}
