package org.aems.core.settlement;

import java.time.LocalDate;
import java.util.Objects;
import org.aems.core.grid.SiteId;
import org.aems.core.unit.Energy;
import org.aems.core.unit.Yen;

/**
 * A purchase statement (仕入明細書) for one site and one contract segment: what the retailer pays for the
 * surplus it bought. One document, one tax rate (10 %).
 *
 * <p>Rounding and tax (DOMAIN.md), applied here and nowhere else:
 * <ol>
 *   <li>{@code amount} = Σ slot amounts at full precision;</li>
 *   <li>{@code amountTruncated} = {@code amount} truncated to whole yen once (円未満切り捨て);</li>
 *   <li>tax once on that total, truncated: for tax-inclusive prices the contained share
 *       {@code ⌊amountTruncated × 10/110⌋} and {@code payment = amountTruncated}; for tax-exclusive prices
 *       {@code ⌊amountTruncated × 10/100⌋} and {@code payment = amountTruncated + tax}.</li>
 * </ol>
 * {@code amountExcludingTax = payment − tax}.
 *
 * @param lineDigest an order-independent digest of the slot lines (see {@link LineDigest}): a recompute
 *                   that gives the same digest gave the same lines
 */
public record PurchaseStatement(SiteId site, ContractId contract, int contractVersion, LocalDate from, LocalDate until,
                                TaxTreatment taxTreatment, Energy energy, Yen amount, Yen amountTruncated, Yen tax,
                                Yen amountExcludingTax, Yen payment, QualityCounts quality, long lineDigest) {

    public PurchaseStatement {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(contract, "contract");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(taxTreatment, "taxTreatment");
        Objects.requireNonNull(energy, "energy");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(amountTruncated, "amountTruncated");
        Objects.requireNonNull(tax, "tax");
        Objects.requireNonNull(amountExcludingTax, "amountExcludingTax");
        Objects.requireNonNull(payment, "payment");
        Objects.requireNonNull(quality, "quality");
    }

    /**
     * The statement of {@code amount} (Σ slot amounts at full precision), with the one rounding and the
     * tax applied as the class comment states.
     */
    public static PurchaseStatement of(SiteId site, ContractSegment segment, Energy energy, Yen amount, QualityCounts quality,
                                       long lineDigest) {
        BuybackContract c = segment.contract();
        Yen truncated = amount.truncateToWholeYen();
        Yen tax;
        Yen payment;
        if (c.taxTreatment() == TaxTreatment.TAX_INCLUSIVE) {
            tax = ConsumptionTax.includedIn(truncated);
            payment = truncated;
        } else {
            tax = ConsumptionTax.onExclusive(truncated);
            payment = truncated.plus(tax);
        }
        return new PurchaseStatement(site, c.id(), c.version(), segment.from(), segment.until(), c.taxTreatment(), energy,
                amount, truncated, tax, payment.minus(tax), payment, quality, lineDigest);
    }

    /** True when every slot of the segment had a value; an incomplete statement says how many did not. */
    public boolean complete() {
        return quality.missing() == 0;
    }
}
