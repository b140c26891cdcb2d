package org.aems.api.settlement;

import java.util.List;
import java.util.Optional;
import org.aems.core.grid.SiteId;
import org.aems.core.grid.Validity;
import org.aems.core.settlement.ContractId;

/**
 * What every contract change through the API must respect, buy-back or supply, checked under the site's lock so a run
 * never meets it later: the caller changes the version it read, a contract stays on its site, and a site has one
 * contract of a kind per day.
 */
final class NextContractVersion {

    /** The part of a stored contract version the rule needs. */
    record Existing(ContractId id, int version, SiteId site, Validity validity) {
    }

    private NextContractVersion() {
    }

    /**
     * Takes the transaction's lock on {@code site}'s contracts of one kind ({@code table}): the checks below must see every
     * contract of the site, not just the one being changed.
     */
    static void lockSite(java.sql.Connection c, String table, SiteId site) throws java.sql.SQLException {
        try (java.sql.PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
            lock.setString(1, table + "_site:" + site.value());
            lock.execute();
        }
    }

    /**
     * The version number {@code id} gets next, or 409 CONTRACT_VERSION_CONFLICT, CONTRACT_SITE_CHANGE or OVERLAPPING_CONTRACTS.
     *
     * @param kind    how messages name the contract: "contract" (buy-back) or "supply contract"
     * @param latest  the newest stored version of {@code id}
     * @param ofSite  the newest version of every contract of the kind on {@code site}
     */
    static int check(String kind, ContractId id, SiteId site, Validity validity, Optional<Existing> latest, List<Existing> ofSite,
                     Optional<Integer> expectedVersion) {
        int current = latest.map(Existing::version).orElse(0);
        if (expectedVersion.isPresent() && expectedVersion.get() != current) {
            throw new RunStateException(409, "CONTRACT_VERSION_CONFLICT", kind + " " + id + " is at version " + current
                    + ", not " + expectedVersion.get() + "; read it again and apply your change to version " + current);
        }
        if (latest.isPresent() && !latest.get().site().equals(site)) {
            throw new RunStateException(409, "CONTRACT_SITE_CHANGE", kind + " " + id + " belongs to site " + latest.get().site()
                    + "; a contract never moves to another site (" + site + "): end it and record a new contract");
        }
        for (Existing other : ofSite) {
            if (!other.id().equals(id) && other.validity().overlaps(validity)) {
                throw new RunStateException(409, "OVERLAPPING_CONTRACTS", kind + " " + id + " " + days(validity)
                        + " would overlap " + kind + " " + other.id() + " v" + other.version() + " " + days(other.validity())
                        + " of site " + site + "; end " + other.id() + " first (record a new version of it with 'until')");
            }
        }
        return current + 1;
    }

    static String days(Validity v) {
        return "[" + v.from() + ", " + (v.until() == null ? "open" : v.until().toString()) + ")";
    }
}
