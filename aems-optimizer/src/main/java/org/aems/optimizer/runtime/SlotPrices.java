package org.aems.optimizer.runtime;

import org.aems.core.time.Slot;
import org.aems.core.unit.YenPerKwh;

/**
 * The prices a plan is optimised against, per slot: energy drawn at the bank, energy sent back, and the
 * expected imbalance price a deviation from the plan in force would be settled at.
 */
public interface SlotPrices {

    YenPerKwh purchase(Slot slot);

    YenPerKwh sale(Slot slot);

    YenPerKwh imbalance(Slot slot);
}
