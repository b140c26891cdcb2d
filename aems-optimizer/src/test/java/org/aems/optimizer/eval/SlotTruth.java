package org.aems.optimizer.eval;

import org.aems.core.time.Slot;

/**
 * What really happened on each feeder in one slot, Wh: grid net (+ import), PV, demand (load and EV
 * charging), battery net charging, and the shared EVs' net charging (part of the demand).
 */
final class SlotTruth {

    final Slot slot;
    final double[] netWh;
    final double[] pvWh;
    final double[] loadWh;
    final double[] batteryWh;
    final double[] evWh;

    SlotTruth(Slot slot, int feeders) {
        this.slot = slot;
        this.netWh = new double[feeders];
        this.pvWh = new double[feeders];
        this.loadWh = new double[feeders];
        this.batteryWh = new double[feeders];
        this.evWh = new double[feeders];
    }
}
