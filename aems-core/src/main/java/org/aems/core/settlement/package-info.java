/**
 * Settlement arithmetic of the surplus buy-back (余剰電力買取), in plain Java: contracts and their tariffs
 * with effective dates, the unit price of each slot, slot lines at full precision, and the purchase
 * statement (仕入明細書) with the one rounding rule and the consumption tax.
 *
 * <p>Everything here is deterministic: the same intervals, contract versions and price versions give the
 * same lines and the same statement, bit for bit. That is what lets a run store only statements and
 * recompute slot lines on request (ADR 0011). Bad input (overlapping contracts, a gap in validity, a
 * price missing for a slot) is a {@link org.aems.core.settlement.SettlementInputException} with a
 * reason code, never a zero.
 */
package org.aems.core.settlement;
