package org.aems.ingest.rollup;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.aems.core.unit.Energy;

/**
 * A device's cumulative register around one slot: the points ordered by time, one per instant (a fixed
 * value wins over a raw reading at the same instant).
 *
 * <p>The calculator needs every point only where the register misbehaves: between two consecutive
 * points of a monotonic register the energy is their difference, whatever lies in between. So the
 * store passes the nearest points around each slot boundary plus both ends of every anomalous step
 * (a decrease, or an increase no plausible power explains), and the result equals that of the full
 * series.
 *
 * @param device   the device id, for notes
 * @param rollover the value at which the register wraps to 0, if known (the meter's
 *                 {@code meter_rollover_wh}); without it, any decrease is a discontinuity
 */
public record RegisterSeries(String device, List<RegisterPoint> points, Optional<Energy> rollover) {

    public RegisterSeries {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(rollover, "rollover");
        List<RegisterPoint> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparing(RegisterPoint::at).thenComparing(p -> !p.fixed()));
        List<RegisterPoint> unique = new ArrayList<>(sorted.size());
        for (RegisterPoint p : sorted) {
            if (unique.isEmpty() || !unique.get(unique.size() - 1).at().equals(p.at())) {
                unique.add(p);
            }
        }
        points = List.copyOf(unique);
        rollover.ifPresent(r -> {
            if (!r.isPositive()) {
                throw new IllegalArgumentException("register rollover must be positive, was " + r);
            }
        });
    }
}
