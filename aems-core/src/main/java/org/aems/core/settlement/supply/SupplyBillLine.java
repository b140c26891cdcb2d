package org.aems.core.settlement.supply;

import java.math.BigDecimal;
import java.util.Objects;
import org.aems.core.unit.Yen;

/**
 * One line of a supply bill at full precision: nothing is rounded per line (ADR 0013).
 *
 * @param quantity     kW for the basic charge, the basic charge (yen) for the power-factor adjustment,
 *                     kWh for the others
 * @param unit         "kW", "yen" or "kWh"
 * @param unitPrice    yen/kW/month, the adjustment share ((85 − PF)/100), or yen/kWh; for a time-of-use
 *                     energy charge the average (amount / kWh) is not shown: null
 * @param amount       yen, full precision
 */
public record SupplyBillLine(SupplyChargeKind kind, BigDecimal quantity, String unit, BigDecimal unitPrice, Yen amount) {
    public SupplyBillLine {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(amount, "amount");
    }
}
