package org.aems.optimizer.runtime;

import java.util.function.BooleanSupplier;
import org.aems.core.unit.Energy;

/**
 * Whether our own PV limits held back an unmeasured amount in the slot just measured, so the nowcast does not learn it
 * as weather. What the plans curtailed is known and already added back in the PV history ({@code BankInputsQuery});
 * limits in force without planned curtailment (an export guard or a curtailment order) held back an amount nobody
 * measured: the slot's measurement is then only a lower bound of what the sun gave ({@code capped}).
 */
public record HeldBack(boolean capped) {

    public static final HeldBack NONE = new HeldBack(false);

    /**
     * After a slot with {@code planned} curtailment: capped if our PV limits were in force there without planned
     * curtailment (below {@link CurtailmentCommands#MIN_WH} none was sent). {@code limitsInForce} is asked only then.
     */
    public static HeldBack after(Energy planned, BooleanSupplier limitsInForce) {
        return new HeldBack(planned.wattHours() < CurtailmentCommands.MIN_WH && limitsInForce.getAsBoolean());
    }
}
