package org.aems.ingest.rollup;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.aems.core.unit.Energy;

/**
 * What one series (a register, or a device's power) says about the energy of a slot.
 *
 * @param energy        the energy over the whole slot (pro-rated when only part of it was covered), empty
 *                      when the series covered none of it
 * @param coveredMillis how much of the slot the series covered
 * @param source        how the energy was obtained; {@link IntervalSource#NONE} when empty
 * @param anomaly       the series misbehaved inside the slot (a register reset); the notes say how
 * @param notes         human-readable reasons, in order
 */
record EnergyInSlot(Optional<Energy> energy, long coveredMillis, IntervalSource source, boolean anomaly,
                    List<String> notes) {

    EnergyInSlot {
        Objects.requireNonNull(energy, "energy");
        Objects.requireNonNull(source, "source");
        notes = List.copyOf(notes);
    }

    static EnergyInSlot none(boolean anomaly, List<String> notes) {
        return new EnergyInSlot(Optional.empty(), 0, IntervalSource.NONE, anomaly, notes);
    }

    /**
     * The covered part pro-rated to the whole slot, rounded half-up to the Wh.
     *
     * @param coveredWattHours the energy measured over the covered part
     */
    static EnergyInSlot proRated(double coveredWattHours, long coveredMillis, long slotMillis, IntervalSource source,
                                 boolean anomaly, List<String> notes) {
        if (coveredMillis <= 0) {
            return none(anomaly, notes);
        }
        double whole = coveredMillis >= slotMillis ? coveredWattHours : coveredWattHours * slotMillis / coveredMillis;
        return new EnergyInSlot(Optional.of(Energy.ofWattHours(Math.round(whole))), Math.min(coveredMillis, slotMillis),
                source, anomaly, notes);
    }

    boolean complete(long slotMillis) {
        return coveredMillis >= slotMillis;
    }

    boolean estimated(long slotMillis) {
        return energy.isEmpty() || anomaly || !complete(slotMillis) || source == IntervalSource.POWER_INTEGRATED;
    }
}
