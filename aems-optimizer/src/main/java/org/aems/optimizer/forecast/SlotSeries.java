package org.aems.optimizer.forecast;

import java.time.LocalDate;
import java.util.Collections;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.aems.core.time.Slot;

/**
 * Values per 30-minute slot of one quantity in one unit (e.g. a feeder's demand in kWh per slot, or an
 * area's solar in MW), as history for a forecast or as what really happened.
 */
public record SlotSeries(String name, String unit, NavigableMap<Slot, Double> values) {

    public SlotSeries {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
        values = Collections.unmodifiableNavigableMap(new TreeMap<>(values));
    }

    public OptionalDouble at(Slot slot) {
        Double v = values.get(slot);
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    /** The slots strictly before {@code end}: what was known when a forecast was issued at {@code end}. */
    public SlotSeries before(Slot end) {
        return new SlotSeries(name, unit, values.headMap(end, false));
    }

    public LocalDate firstDay() {
        return values.firstKey().date();
    }

    public LocalDate lastDay() {
        return values.lastKey().date();
    }
}
