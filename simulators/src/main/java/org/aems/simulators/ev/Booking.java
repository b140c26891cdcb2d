package org.aems.simulators.ev;

import java.time.Instant;
import java.util.Objects;

/**
 * A car-sharing reservation: the vehicle leaves at {@code departure}, comes back at {@code returnAt}
 * having used {@code energyUsedWh}; the member asked for {@code energyNeededWh} in the battery at departure.
 */
public record Booking(Instant departure, Instant returnAt, double energyNeededWh, double energyUsedWh) {
    public Booking {
        Objects.requireNonNull(departure, "departure");
        Objects.requireNonNull(returnAt, "returnAt");
        if (!returnAt.isAfter(departure)) {
            throw new IllegalArgumentException("a booking returns after it departs, was " + departure + " .. " + returnAt);
        }
    }

    public boolean awayAt(Instant t) {
        return !t.isBefore(departure) && t.isBefore(returnAt);
    }
}
