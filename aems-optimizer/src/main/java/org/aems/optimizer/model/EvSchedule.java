package org.aems.optimizer.model;

import java.util.List;
import org.aems.core.unit.Energy;
import org.aems.core.unit.Power;

/**
 * A booked EV's planned charger power per slot (+ = charging, − = V2X), the energy it gains by departure
 * and what it still lacks then (zero unless its window was too short or the grid could not give it).
 */
public record EvSchedule(String id, List<Power> setpoints, Energy delivered, Energy shortfall) {
    public EvSchedule {
        setpoints = List.copyOf(setpoints);
    }
}
