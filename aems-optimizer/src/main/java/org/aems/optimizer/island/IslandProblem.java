package org.aems.optimizer.island;

import java.util.List;
import java.util.Objects;
import org.aems.core.grid.FeederId;
import org.aems.core.time.Slot;
import org.aems.core.unit.Energy;
import org.aems.optimizer.model.StorageUnit;

/**
 * A feeder cut off from the grid (地域マイクログリッド): per slot, the critical load (evacuation shelters) and
 * the rest, the PV it could make, and the batteries and plugged V2X vehicles it can draw on. Nothing is
 * imported or exported.
 *
 * @param gridForming the battery that holds voltage and frequency (it must keep power headroom both ways);
 *                    one of {@code storage}
 * @param headroom    share of the served load (and of the PV used) the grid-forming battery keeps in reserve
 *                    as discharge (and charge) power, for the swings within a slot
 */
public record IslandProblem(FeederId feeder, List<Slot> slots, List<Energy> criticalLoad, List<Energy> otherLoad, List<Energy> pv,
                            List<StorageUnit> storage, String gridForming, double headroom) {
    public IslandProblem {
        Objects.requireNonNull(feeder, "feeder");
        slots = List.copyOf(slots);
        criticalLoad = List.copyOf(criticalLoad);
        otherLoad = List.copyOf(otherLoad);
        pv = List.copyOf(pv);
        storage = List.copyOf(storage);
        int n = slots.size();
        if (n == 0 || criticalLoad.size() != n || otherLoad.size() != n || pv.size() != n) {
            throw new IllegalArgumentException("island " + feeder + ": loads and PV need one value per slot (" + n + ")");
        }
        if (storage.stream().noneMatch(s -> s.id().equals(gridForming))) {
            throw new IllegalArgumentException("island " + feeder + ": grid-forming battery " + gridForming + " is not among its storage");
        }
        if (headroom < 0 || headroom >= 1) {
            throw new IllegalArgumentException("island " + feeder + ": headroom must be within 0..1, was " + headroom);
        }
    }
}
