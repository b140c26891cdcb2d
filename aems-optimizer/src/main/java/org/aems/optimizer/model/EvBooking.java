package org.aems.optimizer.model;

import java.util.Objects;
import org.aems.core.unit.Efficiency;
import org.aems.core.unit.Energy;
import org.aems.core.unit.Power;

/**
 * A vehicle plugged in for slots {@code [pluggedFrom, departure)} of the horizon (indices), needing
 * {@code needed} more energy in its battery by departure, and able to take at most {@code room} more (its capacity less
 * what it holds): a full vehicle absorbs no surplus. {@code maxDischarge} is zero unless V2X.
 */
public record EvBooking(String id, int pluggedFrom, int departure, Energy needed, Energy room, Power maxCharge, Power maxDischarge,
                        Efficiency efficiency) {
    public EvBooking {
        Objects.requireNonNull(id, "id");
        if (pluggedFrom < 0 || departure < pluggedFrom) {
            throw new IllegalArgumentException("EV booking " + id + ": plugged from slot " + pluggedFrom + " to departure "
                    + departure + " is not a window");
        }
        if (needed.isNegative() || room.isNegative() || maxCharge.isNegative() || maxDischarge.isNegative()) {
            throw new IllegalArgumentException("EV booking " + id + ": energy and power must be >= 0");
        }
    }

    boolean pluggedAt(int slot) {
        return slot >= pluggedFrom && slot < departure;
    }
}
