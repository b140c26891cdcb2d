package org.aems.optimizer.runtime;

import java.util.Objects;
import java.util.function.BooleanSupplier;
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

    /**
     * After a slot with {@code planned} curtailment: capped if our PV limits were in force there without planned
     * curtailment (below {@link CurtailmentCommands#MIN_WH} none was sent). {@code limitsInForce} is asked only then.
     */
    public static HeldBack after(Energy planned, BooleanSupplier limitsInForce) {
        return new HeldBack(planned, planned.wattHours() < CurtailmentCommands.MIN_WH && limitsInForce.getAsBoolean());
    }
}
