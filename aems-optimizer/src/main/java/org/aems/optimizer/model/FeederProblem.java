package org.aems.optimizer.model;

import java.util.List;
import java.util.Objects;
import org.aems.core.grid.FeederId;
import org.aems.core.grid.FlowLimits;
import org.aems.core.unit.Energy;

/**
 * One feeder over the horizon: its limits per slot, the energy its sites draw without our control
 * ({@code baseNet}: forecast load minus PV we cannot curtail; + import, − export), the curtailable PV we
 * could hold back, and the batteries and EVs we steer. Lists are per slot of the bank problem.
 */
public record FeederProblem(FeederId id, List<FlowLimits> limits, List<Energy> baseNet, List<Energy> curtailablePv,
                            List<StorageUnit> storage, List<EvBooking> evs) {
    public FeederProblem {
        Objects.requireNonNull(id, "id");
        limits = List.copyOf(limits);
        baseNet = List.copyOf(baseNet);
        curtailablePv = List.copyOf(curtailablePv);
        storage = List.copyOf(storage);
        evs = List.copyOf(evs);
        if (limits.size() != baseNet.size() || curtailablePv.size() != baseNet.size()) {
            throw new IllegalArgumentException("feeder " + id + ": limits, base net and curtailable PV need one value per slot, had "
                    + limits.size() + ", " + baseNet.size() + " and " + curtailablePv.size());
        }
    }

    int slots() {
        return baseNet.size();
    }
}
