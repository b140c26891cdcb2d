package org.aems.core.settlement;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.aems.core.series.PriceSource;
import org.aems.core.series.SeriesId;
import org.aems.core.series.SeriesValue;
import org.aems.core.series.SeriesVersion;
import org.aems.core.time.Slot;
import org.aems.core.time.SlotRange;
import org.aems.core.unit.YenPerKwh;

/**
 * Market prices for the slots of a period, looked up once from a {@link PriceSource} as known at an
 * instant, so that every slot line is one map lookup and a later recompute with the same instant sees
 * the same versions. Slots the source has no price for stay absent: asking for one fails with a message
 * naming the slot, it is never priced at zero.
 */
public final class SlotPriceTable implements MarketPrices {

    private final Map<SeriesId, Map<Slot, SeriesValue<YenPerKwh>>> prices;

    private SlotPriceTable(Map<SeriesId, Map<Slot, SeriesValue<YenPerKwh>>> prices) {
        this.prices = prices;
    }

    /** The prices of {@code series} over {@code slots}, as they were known at {@code knownAt}. */
    public static SlotPriceTable load(PriceSource source, Set<SeriesId> series, SlotRange slots, Instant knownAt) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(knownAt, "knownAt");
        Map<SeriesId, Map<Slot, SeriesValue<YenPerKwh>>> all = new HashMap<>();
        for (SeriesId id : series) {
            Map<Slot, SeriesValue<YenPerKwh>> bySlot = new HashMap<>();
            for (Slot slot : slots) {
                source.price(id, slot, knownAt).ifPresent(v -> bySlot.put(slot, v));
            }
            all.put(id, bySlot);
        }
        return new SlotPriceTable(all);
    }

    @Override
    public YenPerKwh price(SeriesId series, Slot slot) {
        return value(series, slot).value();
    }

    @Override
    public SeriesVersion version(SeriesId series, Slot slot) {
        return value(series, slot).version();
    }

    /** Every version any loaded price came from, oldest first per series. */
    public Set<SeriesVersion> versionsUsed() {
        Set<SeriesVersion> versions = new LinkedHashSet<>();
        prices.values().forEach(bySlot -> bySlot.values().stream().map(SeriesValue::version)
                .sorted(java.util.Comparator.comparing((SeriesVersion v) -> v.series().value()).thenComparingInt(SeriesVersion::version))
                .forEach(versions::add));
        return versions;
    }

    private SeriesValue<YenPerKwh> value(SeriesId series, Slot slot) {
        Map<Slot, SeriesValue<YenPerKwh>> bySlot = prices.get(series);
        SeriesValue<YenPerKwh> value = bySlot == null ? null : bySlot.get(slot);
        if (value == null) {
            throw missing(series, slot);
        }
        return value;
    }

    static SettlementInputException missing(SeriesId series, Slot slot) {
        return new SettlementInputException(SettlementInputException.Reason.MISSING_PRICE,
                "price series " + series + " has no price for slot " + slot + " (starting " + slot.start()
                        + "); load the missing price, settlement never prices a slot at zero");
    }
}
