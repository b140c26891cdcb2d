package org.aems.core.settlement.supply;

/** How a facility is supplied, which decides where the kW of its basic charge comes from. */
public enum SupplyVoltage {
    /** 低圧: the basic charge is on the contracted power (契約電力) written in the contract. */
    LOW_VOLTAGE,
    /**
     * 高圧 実量制: the basic charge is on the billing demand, the highest 30-minute demand of this month and
     * the previous 11 (see {@link BillingDemand}).
     */
    HIGH_VOLTAGE
}
