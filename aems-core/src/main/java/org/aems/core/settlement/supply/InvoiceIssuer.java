package org.aems.core.settlement.supply;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Who issues the supply bills as qualified invoices (適格請求書発行事業者): its registration number, "T"
 * followed by 13 digits (登録番号), and its name. Only the form is checked here, not the registry.
 */
public record InvoiceIssuer(String registrationNumber, String name) {

    private static final Pattern NUMBER = Pattern.compile("T\\d{13}");

    public InvoiceIssuer {
        Objects.requireNonNull(registrationNumber, "registrationNumber");
        Objects.requireNonNull(name, "name");
        if (!NUMBER.matcher(registrationNumber).matches()) {
            throw new IllegalArgumentException("qualified-invoice registration number must be 'T' and 13 digits"
                    + " (e.g. T1234567890123), was '" + registrationNumber + "'");
        }
        if (name.isBlank()) {
            throw new IllegalArgumentException("qualified-invoice issuer name must not be blank");
        }
    }
}
