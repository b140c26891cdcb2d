package org.aems.optimizer.runtime;

import java.util.Objects;
import org.aems.core.unit.Energy;

/**
 * What our own PV limits held back from the slot just measured, so the nowcast does not learn our curtailment as
 * weather. {@code planned} is what the plan curtailed there (added back to the measurement). {@code capped}: limits
 * were in force without planned curtailment (an export guard or a curtailment order), holding back an amount nobody
 * measured; the measurement is then only a lower bound of what the sun gave.
 */
public record HeldBack(Energy planned, boolean capped) {

    public static final HeldBack NONE = new HeldBack(Energy.ZERO, false);

    public HeldBack {
        Objects.requireNonNull(planned, "planned");
    }
}
