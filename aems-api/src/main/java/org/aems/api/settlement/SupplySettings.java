package org.aems.api.settlement;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.aems.core.settlement.supply.InvoiceIssuer;
import org.aems.core.settlement.supply.RenewableSurchargeRates;
import org.aems.core.unit.YenPerKwh;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Supply bills (prefix {@code aems.settlement.supply}, ADR 0013).
 *
 * @param renewableSurcharge       再エネ賦課金 in yen/kWh per fiscal year (April–March), e.g. {@code 2025: "3.98"};
 *                                 default none. A monthly run with supply contracts in a fiscal year without a
 *                                 rate is refused (422 MISSING_PRICE). Each run records the rate it used.
 * @param issuerRegistrationNumber the qualified-invoice registration number (T + 13 digits) of the company
 *                                 that issues the supply bills; default none, which refuses runs with supply
 *                                 contracts (422 INVOICE_ISSUER_MISSING)
 * @param issuerName               its name as printed on the invoice
 */
@ConfigurationProperties("aems.settlement.supply")
public record SupplySettings(Map<Integer, BigDecimal> renewableSurcharge, String issuerRegistrationNumber, String issuerName) {

    public SupplySettings {
        renewableSurcharge = renewableSurcharge == null ? Map.of() : Map.copyOf(renewableSurcharge);
        if (issuerRegistrationNumber != null) {
            new InvoiceIssuer(issuerRegistrationNumber, issuerName == null ? "" : issuerName); // fail at startup, not per run
        }
    }

    RenewableSurchargeRates rates() {
        Map<Integer, YenPerKwh> rates = new TreeMap<>();
        renewableSurcharge.forEach((fy, rate) -> rates.put(fy, YenPerKwh.of(rate)));
        return new RenewableSurchargeRates(rates);
    }

    Optional<InvoiceIssuer> issuer() {
        return issuerRegistrationNumber == null ? Optional.empty() : Optional.of(new InvoiceIssuer(issuerRegistrationNumber, issuerName));
    }
}
