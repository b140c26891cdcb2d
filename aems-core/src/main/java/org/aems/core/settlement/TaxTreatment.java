package org.aems.core.settlement;

/** Whether a contract's unit prices include the consumption tax. Buy-back prices usually do. */
public enum TaxTreatment {
    /** Prices include 10 % tax: the statement total is what is paid, the tax is its 10/110 share. */
    TAX_INCLUSIVE,
    /** Prices exclude tax: 10 % of the truncated total is added on top. */
    TAX_EXCLUSIVE
}
