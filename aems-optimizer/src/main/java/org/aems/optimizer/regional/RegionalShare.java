package org.aems.optimizer.regional;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.aems.core.grid.BankId;
import org.aems.core.time.Slot;
import org.aems.core.unit.Energy;

/**
 * The regional step (issue #5, ADR 0023). After gate closure the balancing group is judged on the sum of its banks'
 * deviations from the plans in force, not on each bank's. Each bank already steers towards its own plan in force;
 * what one bank cannot hold (its storage full or empty, a limit, a miss bigger than its flexibility) is its
 * <em>forced deviation</em>, and the other banks take it over in proportion to their controllable storage power, each
 * at most what its storage can move in a slot. A bank is never asked to cover its own forced deviation: that would
 * make an unreachable target run away round after round.
 */
public final class RegionalShare {

    private RegionalShare() {
    }

    /**
     * What a bank's newest plan says about one gate-closed slot: the net import in force (what the slot is judged
     * against), the newest plan's net import, and the shift that plan was asked for.
     */
    public record BankSlot(long inForceWh, long newestWh, long shiftWh) {

        /** The deviation the bank could not avoid: away from its plan in force beyond the shift it was asked for. */
        public long forcedWh() {
            return newestWh - inForceWh - shiftWh;
        }
    }

    /**
     * Another bank of the balancing group: its controllable storage power when it last planned (its weight) and,
     * per gate-closed slot it has both a plan in force and a newer plan for, what they say.
     */
    public record OtherBank(BankId id, long storageWatts, Map<Slot, BankSlot> slots) {
        public OtherBank {
            Objects.requireNonNull(id, "id");
            if (storageWatts < 0) {
                throw new IllegalArgumentException("bank " + id + ": storage power must be >= 0 W, was " + storageWatts);
            }
            slots = Map.copyOf(slots);
        }
    }

    /**
     * The shift of this bank's target from its plan in force for each of {@code gated}: minus its share of every other
     * bank's forced deviation, the share being its storage power over the storage power of all banks but the one
     * deviating, capped at what {@code ownStorageWatts} moves in a slot. Zero without storage or without others.
     */
    public static List<Energy> shifts(long ownStorageWatts, List<Slot> gated, List<OtherBank> others) {
        if (ownStorageWatts < 0) {
            throw new IllegalArgumentException("storage power must be >= 0 W, was " + ownStorageWatts);
        }
        long total = ownStorageWatts + others.stream().mapToLong(OtherBank::storageWatts).sum();
        long cap = Math.round(ownStorageWatts * (Slot.DURATION.toMinutes() / 60.0));
        List<Energy> shifts = new ArrayList<>(gated.size());
        for (Slot slot : gated) {
            double shift = 0;
            for (OtherBank other : others) {
                BankSlot s = other.slots().get(slot);
                long takers = total - other.storageWatts();
                if (s != null && takers > 0) {
                    shift -= s.forcedWh() * (double) ownStorageWatts / takers;
                }
            }
            shifts.add(Energy.ofWattHours(Math.max(-cap, Math.min(cap, Math.round(shift)))));
        }
        return shifts;
    }
}
