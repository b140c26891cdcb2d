package org.aems.optimizer.model;

import java.util.List;
import org.aems.core.unit.Energy;
import org.aems.core.unit.Power;

/** A battery's planned power per slot (+ = charging, the storage-battery sign) and its energy after each slot. */
public record StorageSchedule(String id, List<Power> setpoints, List<Energy> storedAfter) {
    public StorageSchedule {
        setpoints = List.copyOf(setpoints);
        storedAfter = List.copyOf(storedAfter);
    }
}
