package org.aems.optimizer.jobs;

import java.util.Objects;
import org.aems.core.grid.BankId;
import org.aems.core.time.Slot;

/** One bank to plan from one slot on, claimed by one worker; {@code attempts} counts claims so far, this one included. */
public record BankJob(BankId bank, Slot slot, int attempts) {
    public BankJob {
        Objects.requireNonNull(bank, "bank");
        Objects.requireNonNull(slot, "slot");
    }
}
