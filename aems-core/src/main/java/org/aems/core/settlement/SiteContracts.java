package org.aems.core.settlement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.aems.core.grid.SiteId;

/**
 * The buy-back contract versions in force for one site, at most one per day. Overlapping contracts are
 * refused when the set is built, with both named. Within a settlement period, days before the first
 * contract or after the last are simply not under contract (卒FIT start, move-out); days <em>between</em>
 * two contracts are a gap and refused, since a statement cannot tell whether they were forgotten.
 */
public final class SiteContracts {

    private final SiteId site;
    private final List<BuybackContract> contracts;

    public SiteContracts(SiteId site, List<BuybackContract> contracts) {
        this.site = Objects.requireNonNull(site, "site");
        List<BuybackContract> sorted = contracts.stream().map(c -> Objects.requireNonNull(c, "contract"))
                .sorted(Comparator.comparing((BuybackContract c) -> c.validity().from()).thenComparing(BuybackContract::id))
                .toList();
        for (BuybackContract c : sorted) {
            if (!c.site().equals(site)) {
                throw new IllegalArgumentException("contract " + c.describe() + " belongs to site " + c.site() + ", not " + site);
            }
        }
        for (int i = 0; i < sorted.size(); i++) {
            for (int j = i + 1; j < sorted.size(); j++) {
                BuybackContract a = sorted.get(i);
                BuybackContract b = sorted.get(j);
                if (a.validity().overlaps(b.validity())) {
                    throw new SettlementInputException(SettlementInputException.Reason.OVERLAPPING_CONTRACTS,
                            "buy-back contracts " + a.describe() + " and " + b.describe() + " of site " + site
                                    + " overlap from " + b.validity().from() + "; end " + a.id() + " on or before "
                                    + b.validity().from());
                }
            }
        }
        this.contracts = sorted;
    }

    public SiteId site() {
        return site;
    }

    public List<BuybackContract> contracts() {
        return contracts;
    }

    /**
     * The contract segments of {@code period}, in order; empty when no contract is in force on any of its days.
     *
     * @throws SettlementInputException {@code CONTRACT_GAP} when days between two segments have no contract
     */
    public List<ContractSegment> segments(SettlementPeriod period) {
        List<ContractSegment> segments = new ArrayList<>();
        for (BuybackContract c : contracts) {
            LocalDate from = max(c.validity().from(), period.from());
            LocalDate until = c.validity().until() == null ? period.until() : min(c.validity().until(), period.until());
            if (until.isAfter(from)) {
                segments.add(new ContractSegment(c, from, until));
            }
        }
        for (int i = 1; i < segments.size(); i++) {
            ContractSegment previous = segments.get(i - 1);
            ContractSegment next = segments.get(i);
            if (previous.until().isBefore(next.from())) {
                throw new SettlementInputException(SettlementInputException.Reason.CONTRACT_GAP,
                        "site " + site + " has no buy-back contract from " + previous.until() + " until " + next.from()
                                + " (exclusive), between contracts " + previous.contract().describe() + " and "
                                + next.contract().describe() + "; extend one or add a contract for those days");
            }
        }
        return segments;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
