package org.aems.core.series;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.aems.core.time.Slot;
import org.aems.core.unit.YenPerKwh;

/** Prices from versioned series held in memory; the price of a slot is the value in force at its start. */
public final class InMemoryPriceSource implements PriceSource {

    private final Map<SeriesId, VersionedSeries<YenPerKwh>> series;

    public InMemoryPriceSource(Map<SeriesId, VersionedSeries<YenPerKwh>> series) {
        this.series = Map.copyOf(series);
    }

    @Override
    public Optional<SeriesValue<YenPerKwh>> price(SeriesId id, Slot slot) {
        Objects.requireNonNull(slot, "slot");
        VersionedSeries<YenPerKwh> s = series.get(Objects.requireNonNull(id, "series"));
        return s == null ? Optional.empty() : s.valueAt(slot.start());
    }

    @Override
    public Optional<SeriesValue<YenPerKwh>> price(SeriesId id, Slot slot, Instant knownAt) {
        Objects.requireNonNull(slot, "slot");
        VersionedSeries<YenPerKwh> s = series.get(Objects.requireNonNull(id, "series"));
        return s == null ? Optional.empty() : s.valueAt(slot.start(), knownAt);
    }
}
