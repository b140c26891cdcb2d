package org.aems.core.settlement.supply;

import java.time.LocalDate;
import java.util.Objects;
import org.aems.core.settlement.TaxTreatment;
import org.aems.core.unit.Yen;

/**
 * What makes a supply bill a qualified invoice (適格請求書, インボイス制度 since 2023-10): the issuer and its
 * registration number, the date, and per tax rate the amount and the tax, the tax computed once per rate
 * per document. Electricity has one rate, 10 %. The transaction (period, facility, lines) is the bill.
 *
 * @param amountForRate the bill's truncated total for the rate, tax-exclusive or tax-inclusive as
 *                      {@code amountTaxTreatment} says (either is allowed on a qualified invoice)
 */
public record QualifiedInvoice(String registrationNumber, String issuerName, LocalDate issuedOn, int taxRatePercent,
                               Yen amountForRate, TaxTreatment amountTaxTreatment, Yen taxForRate) {
    public QualifiedInvoice {
        Objects.requireNonNull(registrationNumber, "registrationNumber");
        Objects.requireNonNull(issuerName, "issuerName");
        Objects.requireNonNull(issuedOn, "issuedOn");
        Objects.requireNonNull(amountForRate, "amountForRate");
        Objects.requireNonNull(amountTaxTreatment, "amountTaxTreatment");
        Objects.requireNonNull(taxForRate, "taxForRate");
    }
}
