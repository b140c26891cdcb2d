package org.aems.core.settlement;

import java.time.LocalDate;
import java.util.Objects;
import org.aems.core.time.Slot;
import org.aems.core.time.SlotRange;

/**
 * The days [{@code from}, {@code until}) of a settlement period during which one contract version is in
 * force: one purchase statement each, so a contract change mid-period splits the statement.
 */
public record ContractSegment(BuybackContract contract, LocalDate from, LocalDate until) {

    public ContractSegment {
        Objects.requireNonNull(contract, "contract");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        if (!until.isAfter(from)) {
            throw new IllegalArgumentException("segment until (" + until + ") must be after from (" + from + ")");
        }
    }

    public SlotRange slots() {
        return SlotRange.of(Slot.of(from, 1), Slot.of(until.minusDays(1), Slot.SLOTS_PER_DAY));
    }

    public int slotCount() {
        return Math.toIntExact((until.toEpochDay() - from.toEpochDay()) * Slot.SLOTS_PER_DAY);
    }

    public boolean contains(Slot slot) {
        return !slot.date().isBefore(from) && slot.date().isBefore(until);
    }
}
