package org.aems.optimizer.runtime;

import org.aems.core.time.Slot;
import org.aems.core.unit.YenPerKwh;

/** The prices a plan is optimised against, per slot: energy drawn at the bank, and energy sent back. */
public interface SlotPrices {

    YenPerKwh purchase(Slot slot);

    YenPerKwh sale(Slot slot);
}
