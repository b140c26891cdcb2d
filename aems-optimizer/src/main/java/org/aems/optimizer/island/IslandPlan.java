package org.aems.optimizer.island;

import java.time.Duration;
import java.util.List;
import org.aems.core.grid.FeederId;
import org.aems.core.time.Slot;
import org.aems.core.unit.Energy;
import org.aems.optimizer.model.StorageSchedule;

/**
 * How an islanded feeder is run: per slot the critical and other load served, PV used (held to the load),
 * each battery's setpoints; and how long the critical load is fully served from now (hours of autonomy).
 */
public record IslandPlan(FeederId feeder, List<Slot> slots, List<Energy> criticalServed, List<Energy> otherServed, List<Energy> pvUsed,
                         List<StorageSchedule> storage, Duration autonomy, boolean criticalServedThroughout) {
    public IslandPlan {
        slots = List.copyOf(slots);
        criticalServed = List.copyOf(criticalServed);
        otherServed = List.copyOf(otherServed);
        pvUsed = List.copyOf(pvUsed);
        storage = List.copyOf(storage);
    }
}
