/**
 * Supply bills (適格請求書, qualified invoices) for facilities that receive local power, in plain Java:
 * supply contracts with effective dates and versions, the billing demand with its 11-month ratchet
 * (デマンド契約), the power-factor adjustment, the energy charge (reusing the buy-back tariff types),
 * the fuel-cost adjustment (燃料費調整額) and the renewable surcharge (再エネ賦課金) per fiscal year.
 *
 * <p>Every line is kept at full precision; the bill's total is truncated to whole yen once and taxed once
 * (DOMAIN.md "Rounding and tax", ADR 0013), with the arithmetic of the buy-back statements
 * ({@link org.aems.core.settlement.ExactSum}, {@link org.aems.core.unit.Yen#truncateToWholeYen()},
 * {@link org.aems.core.settlement.ConsumptionTax}).
 */
package org.aems.core.settlement.supply;
