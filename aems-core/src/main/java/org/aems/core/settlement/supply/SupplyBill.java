package org.aems.core.settlement.supply;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import org.aems.core.grid.SiteId;
import org.aems.core.settlement.ConsumptionTax;
import org.aems.core.settlement.ContractId;
import org.aems.core.settlement.QualityCounts;
import org.aems.core.settlement.TaxTreatment;
import org.aems.core.unit.Energy;
import org.aems.core.unit.Yen;
import org.aems.core.unit.YenPerKwh;

/**
 * A facility's supply bill for one JST calendar month, a qualified invoice (適格請求書).
 *
 * <p>Rounding and tax (DOMAIN.md, ADR 0013), applied here and nowhere else:
 * <ol>
 *   <li>each line at full precision, none rounded on its own (the renewable surcharge included);</li>
 *   <li>{@code amount} = Σ lines; {@code amountTruncated} = {@code amount} truncated to whole yen once
 *       (円未満切り捨て, {@link Yen#truncateToWholeYen()});</li>
 *   <li>consumption tax 10 % once on that total, truncated: ⌊total × 10/100⌋ on top for tax-exclusive
 *       prices ({@code total} = truncated + tax), ⌊total × 10/110⌋ contained in tax-inclusive prices
 *       ({@code total} = truncated).</li>
 * </ol>
 *
 * @param chargedKilowatts the kW of the basic charge: the contracted power (low voltage) or the billing
 *                         demand (high voltage)
 * @param demand           this month's peak and the ratchet, shown for both voltages
 * @param total            what the facility pays
 * @param quality          slots with a value by quality, and missing slots: a bill with missing slots is
 *                         incomplete, its energy lines cover only the slots that have values
 */
public record SupplyBill(SiteId site, ContractId contract, int contractVersion, YearMonth month, SupplyVoltage voltage,
                         TaxTreatment taxTreatment, Energy energy, BigDecimal chargedKilowatts, BillingDemand demand,
                         List<SupplyBillLine> lines, Yen amount, Yen amountTruncated, Yen tax, Yen amountExcludingTax,
                         Yen total, QualityCounts quality, long lineDigest, QualifiedInvoice invoice) {

    public SupplyBill {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(contract, "contract");
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(voltage, "voltage");
        Objects.requireNonNull(taxTreatment, "taxTreatment");
        Objects.requireNonNull(energy, "energy");
        Objects.requireNonNull(chargedKilowatts, "chargedKilowatts");
        Objects.requireNonNull(demand, "demand");
        lines = List.copyOf(lines);
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(amountTruncated, "amountTruncated");
        Objects.requireNonNull(tax, "tax");
        Objects.requireNonNull(amountExcludingTax, "amountExcludingTax");
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(quality, "quality");
        Objects.requireNonNull(invoice, "invoice");
    }

    /** The month's inputs, already summed per slot by {@link SupplyBillAccumulator}. */
    public record Inputs(Energy energy, Yen energyCharge, BillingDemand demand, YenPerKwh fuelCostAdjustment,
                         YenPerKwh renewableSurcharge, QualityCounts quality, long lineDigest) {
        public Inputs {
            Objects.requireNonNull(energy, "energy");
            Objects.requireNonNull(energyCharge, "energyCharge");
            Objects.requireNonNull(demand, "demand");
            Objects.requireNonNull(fuelCostAdjustment, "fuelCostAdjustment");
            Objects.requireNonNull(renewableSurcharge, "renewableSurcharge");
            Objects.requireNonNull(quality, "quality");
        }

        /** The same inputs with another billing demand. */
        public Inputs withDemand(BillingDemand other) {
            return new Inputs(energy, energyCharge, other, fuelCostAdjustment, renewableSurcharge, quality, lineDigest);
        }
    }

    /** The bill of {@code month} under {@code contract}, with the one rounding and the tax as the class comment states. */
    public static SupplyBill of(SupplyContract contract, YearMonth month, Inputs in, InvoiceIssuer issuer,
                                java.time.LocalDate issuedOn) {
        BigDecimal kw = contract.voltage() == SupplyVoltage.LOW_VOLTAGE ? contract.contractedKilowatts() : in.demand().kilowatts();
        Yen basic = contract.basicCharge().times(kw);
        BigDecimal pfShare = contract.powerFactor().adjustment();
        Yen pf = basic.times(pfShare);
        BigDecimal kwh = in.energy().toKilowattHours();
        Yen fuel = in.energy().times(in.fuelCostAdjustment());
        Yen surcharge = in.energy().times(in.renewableSurcharge());
        List<SupplyBillLine> lines = List.of(
                new SupplyBillLine(SupplyChargeKind.BASIC_CHARGE, kw, "kW", contract.basicCharge().yenPerKwMonth(), basic),
                new SupplyBillLine(SupplyChargeKind.POWER_FACTOR_ADJUSTMENT, basic.amount(), "yen", pfShare, pf),
                new SupplyBillLine(SupplyChargeKind.ENERGY_CHARGE, kwh, "kWh", null, in.energyCharge()),
                new SupplyBillLine(SupplyChargeKind.FUEL_COST_ADJUSTMENT, kwh, "kWh", in.fuelCostAdjustment().value(), fuel),
                new SupplyBillLine(SupplyChargeKind.RENEWABLE_SURCHARGE, kwh, "kWh", in.renewableSurcharge().value(), surcharge));
        Yen amount = Yen.ZERO;
        for (SupplyBillLine line : lines) {
            amount = amount.plus(line.amount());
        }
        Yen truncated = amount.truncateToWholeYen();
        Yen tax;
        Yen total;
        if (contract.taxTreatment() == TaxTreatment.TAX_INCLUSIVE) {
            tax = ConsumptionTax.includedIn(truncated);
            total = truncated;
        } else {
            tax = ConsumptionTax.onExclusive(truncated);
            total = truncated.plus(tax);
        }
        QualifiedInvoice invoice = new QualifiedInvoice(issuer.registrationNumber(), issuer.name(), issuedOn,
                ConsumptionTax.STANDARD_RATE_PERCENT, truncated, contract.taxTreatment(), tax);
        return new SupplyBill(contract.site(), contract.id(), contract.version(), month, contract.voltage(),
                contract.taxTreatment(), in.energy(), kw, in.demand(), lines, amount, truncated, tax, total.minus(tax), total,
                in.quality(), in.lineDigest(), invoice);
    }

    /**
     * True when every slot of the month had a value and, for a billing demand, every slot of its history
     * ({@link BillingDemand#historyGaps()}).
     */
    public boolean complete() {
        return quality.missing() == 0 && demand.historyGaps().isEmpty();
    }

    /** The line of {@code kind}. */
    public SupplyBillLine line(SupplyChargeKind kind) {
        return lines.stream().filter(l -> l.kind() == kind).findFirst().orElseThrow();
    }
}
