package org.aems.core.settlement.supply;

import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.aems.core.grid.SiteId;
import org.aems.core.grid.Validity;
import org.aems.core.settlement.SettlementInputException;

/**
 * The supply contract versions of one facility, at most one in force per month. Overlapping contracts are
 * refused with both named, like buy-back contracts ({@code OVERLAPPING_CONTRACTS}). A month without a
 * contract simply has no bill.
 */
public final class SupplyContracts {

    private final SiteId site;
    private final List<SupplyContract> contracts;

    public SupplyContracts(SiteId site, List<SupplyContract> contracts) {
        this.site = Objects.requireNonNull(site, "site");
        List<SupplyContract> sorted = contracts.stream().map(c -> Objects.requireNonNull(c, "contract"))
                .sorted(Comparator.comparing((SupplyContract c) -> c.validity().from()).thenComparing(SupplyContract::id))
                .toList();
        for (SupplyContract c : sorted) {
            if (!c.site().equals(site)) {
                throw new IllegalArgumentException("supply contract " + c.describe() + " belongs to site " + c.site() + ", not " + site);
            }
        }
        for (int i = 0; i < sorted.size(); i++) {
            for (int j = i + 1; j < sorted.size(); j++) {
                SupplyContract a = sorted.get(i);
                SupplyContract b = sorted.get(j);
                if (a.validity().overlaps(b.validity())) {
                    throw new SettlementInputException(SettlementInputException.Reason.OVERLAPPING_CONTRACTS,
                            "supply contracts " + a.describe() + " and " + b.describe() + " of site " + site
                                    + " overlap from " + b.validity().from() + "; end " + a.id() + " on or before "
                                    + b.validity().from());
                }
            }
        }
        this.contracts = sorted;
    }

    /** The contract in force in {@code month}, if any (validity is whole months, so one covers all of it). */
    public Optional<SupplyContract> inForce(YearMonth month) {
        Validity m = new Validity(month.atDay(1), month.plusMonths(1).atDay(1));
        return contracts.stream().filter(c -> c.validity().overlaps(m)).findFirst();
    }
}
