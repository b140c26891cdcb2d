package org.aems.core.series;

import java.util.Map;
import java.util.Optional;
import org.aems.core.time.Slot;
import org.aems.core.unit.YenPerKwh;

/** Prices from versioned series held in memory; the price of a slot is the value at its start. */
public final class InMemoryPriceSource implements PriceSource {

    private final Map<SeriesId, VersionedSeries<YenPerKwh>> series;

    public InMemoryPriceSource(Map<SeriesId, VersionedSeries<YenPerKwh>> series) {
        this.series = Map.copyOf(series);
    }

    @Override
    public Optional<SeriesValue<YenPerKwh>> price(SeriesId id, Slot slot) {
        VersionedSeries<YenPerKwh> s = series.get(id);
        return s == null ? Optional.empty() : s.valueAt(slot.start());
    }
}
