package org.aems.optimizer.ev;

import java.time.Instant;
import java.util.Objects;
import org.aems.core.grid.DeviceId;
import org.aems.core.grid.SiteId;
import org.aems.core.unit.Energy;

/**
 * A shared vehicle's booking at a charger: expected at {@code pluggedFrom}, leaving at {@code departure} with at
 * least {@code required} in its battery of {@code capacity}.
 */
public record Booking(String id, SiteId site, DeviceId charger, Instant pluggedFrom, Instant departure, Energy required, Energy capacity,
                      boolean cancelled) {
    public Booking {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(charger, "charger");
        if (id.isBlank() || id.length() > 64) {
            throw new IllegalArgumentException("booking id must be 1..64 characters, was '" + id + "'");
        }
        if (!departure.isAfter(pluggedFrom)) {
            throw new IllegalArgumentException("booking " + id + ": departure " + departure + " must be after plug-in " + pluggedFrom);
        }
        if (required.isNegative() || !capacity.isPositive() || required.compareTo(capacity) > 0) {
            throw new IllegalArgumentException("booking " + id + ": required energy " + required + " must lie within 0.." + capacity
                    + " (the vehicle's capacity)");
        }
    }
}
