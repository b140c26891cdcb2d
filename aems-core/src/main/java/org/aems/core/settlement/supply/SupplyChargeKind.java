package org.aems.core.settlement.supply;

/** The lines of a supply bill, in the order a bill shows them. The names are a public interface (API). */
public enum SupplyChargeKind {
    /** 基本料金: kW × yen/kW/month. */
    BASIC_CHARGE,
    /** 力率割引・割増: basic charge × (85 − PF) / 100; negative is a discount. */
    POWER_FACTOR_ADJUSTMENT,
    /** 電力量料金: Σ slot kWh × the tariff's unit price of the slot. */
    ENERGY_CHARGE,
    /** 燃料費調整額: kWh × the month's adjustment unit price (may be negative). */
    FUEL_COST_ADJUSTMENT,
    /** 再エネ賦課金: kWh × the fiscal year's rate. */
    RENEWABLE_SURCHARGE
}
