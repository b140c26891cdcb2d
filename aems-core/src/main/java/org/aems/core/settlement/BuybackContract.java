package org.aems.core.settlement;

import java.util.Objects;
import org.aems.core.grid.SiteId;
import org.aems.core.grid.Validity;

/**
 * One version of a site's surplus buy-back contract: the JST days it is in force, its tariff and whether
 * its prices include tax. A change (new price, end date) is a new version; old versions are kept, and a
 * statement names the version it used.
 */
public record BuybackContract(ContractId id, int version, SiteId site, Validity validity, BuybackTariff tariff,
                              TaxTreatment taxTreatment) {

    public BuybackContract {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(validity, "validity");
        Objects.requireNonNull(tariff, "tariff");
        Objects.requireNonNull(taxTreatment, "taxTreatment");
        if (version < 1) {
            throw new IllegalArgumentException("contract version must be >= 1, was " + version);
        }
    }

    /** "c-1 v2 [2026-04-01, 2026-06-01)", the form error messages use. */
    public String describe() {
        return id + " v" + version + " [" + validity.from() + ", " + (validity.until() == null ? "open" : validity.until()) + ")";
    }
}
