package org.aems.core.settlement;

import java.util.Objects;

/**
 * Input that cannot be settled as it is: the message says what is wrong and where, the reason is a stable
 * code for APIs and logs. Settlement never turns such input into a zero amount.
 */
public final class SettlementInputException extends RuntimeException {

    /** Stable codes; the names are a public interface (API problem details). */
    public enum Reason {
        /** Two contract versions of one site are in force on the same day. */
        OVERLAPPING_CONTRACTS,
        /** A site's contracts leave days without a contract between two of them. */
        CONTRACT_GAP,
        /** A time-of-use tariff has no price, or two prices, for some slots of a day type. */
        TARIFF_GAP,
        /** A market-linked tariff needs a price the series does not have for a slot. */
        MISSING_PRICE,
        /** Supply bills are qualified invoices and need the issuer's registration number, which is not configured. */
        INVOICE_ISSUER_MISSING
    }

    private final Reason reason;

    public SettlementInputException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
