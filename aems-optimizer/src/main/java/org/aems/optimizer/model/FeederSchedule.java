package org.aems.optimizer.model;

import java.util.List;
import org.aems.core.grid.FeederId;
import org.aems.core.unit.Energy;

/** A feeder's planned net energy at the substation per slot (+ import, − reverse flow) and the PV held back. */
public record FeederSchedule(FeederId id, List<Energy> net, List<Energy> curtailed, List<StorageSchedule> storage,
                             List<EvSchedule> evs) {
    public FeederSchedule {
        net = List.copyOf(net);
        curtailed = List.copyOf(curtailed);
        storage = List.copyOf(storage);
        evs = List.copyOf(evs);
    }
}
