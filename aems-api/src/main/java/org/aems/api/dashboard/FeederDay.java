package org.aems.api.dashboard;

import java.util.List;
import java.util.Optional;
import org.aems.core.time.Slot;
import org.aems.core.unit.Energy;
import org.aems.core.unit.Power;

/**
 * One feeder's day from its 30-minute rollups, with the limits in force on that day.
 *
 * @param reverseFlowLimit the most it may send back up to its bank; empty when the registry has no limit for the day
 * @param importLimit      the most it may draw
 */
record FeederDay(String feederId, String name, String bankId, Optional<Power> reverseFlowLimit, Optional<Power> importLimit,
                 List<FeederSlot> slots) {

    /**
     * One slot's energies; null where no site reported the quantity. Net import is + when the feeder draws and − when it
     * sends PV back up (reverse flow).
     */
    record FeederSlot(Slot slot, Energy netImport, Energy pv, Energy batteryNetCharge, Energy evNetCharge, int sitesReporting,
                      int siteCount) {

        /** Average power over the slot: energy ÷ 30 minutes. */
        static Power average(Energy energy) {
            return energy == null ? null : energy.dividedBy(Slot.DURATION);
        }

        /** Reverse flow beyond the limit, if any. */
        boolean breaches(Optional<Power> reverseFlowLimit) {
            return netImport != null && reverseFlowLimit.isPresent()
                    && average(netImport).negate().compareTo(reverseFlowLimit.get()) > 0;
        }
    }
}
