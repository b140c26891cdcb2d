package org.aems.api.settlement;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.aems.core.grid.SiteId;
import org.aems.core.grid.Validity;
import org.aems.core.settlement.BuybackContract;
import org.aems.core.settlement.BuybackTariff;
import org.aems.core.settlement.ContractId;
import org.aems.core.settlement.SettlementPeriod;
import org.aems.core.settlement.TaxTreatment;
import org.aems.ingest.store.StoreException;
import org.springframework.stereotype.Component;

/** Buy-back contracts and their versions in PostgreSQL ({@code buyback_contract}, append-only). */
@Component
public class ContractStore {

    private static final String COLUMNS = "id, version, site_id, valid_from, valid_until, tariff::text, tax_treatment";

    private final DataSource dataSource;

    public ContractStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Records {@code contract} as a new version. Its version must be the next one of its id (1 for a new
     * contract) and its site must stay the same.
     *
     * @param meterReadingDay 計量日 (1..28) for sites billed per meter-reading period, empty for calendar months
     */
    public void record(BuybackContract contract, Optional<Integer> meterReadingDay, Instant at, String by) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
                lock.setString(1, "buyback_contract_site:" + contract.site().value());
                lock.execute();
            }
            Optional<BuybackContract> latest = latest(c, contract.id());
            int expected = latest.map(l -> l.version() + 1).orElse(1);
            if (contract.version() != expected) {
                throw new IllegalArgumentException("contract " + contract.id() + " must be recorded as version " + expected
                        + ", was " + contract.version());
            }
            if (latest.isPresent() && !latest.get().site().equals(contract.site())) {
                throw new IllegalArgumentException("contract " + contract.id() + " belongs to site " + latest.get().site()
                        + "; a contract never moves to another site (" + contract.site() + ")");
            }
            insert(c, contract, meterReadingDay, at, by);
            c.commit();
        } catch (SQLException e) {
            throw new StoreException("recording contract " + contract.id() + " failed: " + e.getMessage(), e);
        }
    }

    /** A contract version as stored, with its billing cycle and who recorded it when. */
    public record StoredContract(BuybackContract contract, Optional<Integer> meterReadingDay, Instant recordedAt, String recordedBy) {
    }

    /**
     * Records the next version of contract {@code id} (version 1 for a new one), refusing what would make a run
     * fail later: a version other than {@code expectedVersion} + 1 when one is given (someone changed it
     * meanwhile), a move to another site, and an overlap with another contract of the same site.
     */
    public StoredContract recordNext(ContractId id, SiteId site, Validity validity, BuybackTariff tariff, TaxTreatment tax,
                                     Optional<Integer> meterReadingDay, Optional<Integer> expectedVersion, Instant at, String by) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                NextContractVersion.lockSite(c, "buyback_contract", site);
                int next = NextContractVersion.check("contract", id, site, validity, latest(c, id).map(ContractStore::existing),
                        latestOfSite(c, site).stream().map(ContractStore::existing).toList(), expectedVersion);
                BuybackContract contract = new BuybackContract(id, next, site, validity, tariff, tax);
                insert(c, contract, meterReadingDay, at, by);
                c.commit();
                return new StoredContract(contract, meterReadingDay, at, by);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("recording contract " + id + " failed: " + e.getMessage(), e);
        }
    }

    /** Every version of contract {@code id}, oldest first; empty when there is none. */
    public List<StoredContract> versions(ContractId id) {
        return query("SELECT " + COLUMNS + ", meter_reading_day, recorded_at, recorded_by FROM buyback_contract WHERE id = ?"
                + " ORDER BY version", id.value());
    }

    /** The latest version of every contract of {@code site}, by start. */
    public List<StoredContract> ofSite(SiteId site) {
        return query("SELECT " + COLUMNS + ", meter_reading_day, recorded_at, recorded_by FROM (SELECT DISTINCT ON (id) *"
                + " FROM buyback_contract WHERE site_id = ? ORDER BY id, version DESC) latest ORDER BY valid_from, id", site.value());
    }

    private List<StoredContract> query(String sql, String parameter) {
        List<StoredContract> result = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int day = rs.getInt(8);
                    Optional<Integer> meterReadingDay = rs.wasNull() ? Optional.empty() : Optional.of(day);
                    result.add(new StoredContract(contract(rs, TariffJson.read(rs.getString(6))), meterReadingDay,
                            rs.getTimestamp(9).toInstant(), rs.getString(10)));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("loading contracts failed: " + e.getMessage(), e);
        }
        return result;
    }

    private static List<BuybackContract> latestOfSite(Connection c, SiteId site) throws SQLException {
        List<BuybackContract> result = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM (SELECT DISTINCT ON (id) * FROM buyback_contract"
                + " WHERE site_id = ? ORDER BY id, version DESC) latest")) {
            ps.setString(1, site.value());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(contract(rs, TariffJson.read(rs.getString(6))));
                }
            }
        }
        return result;
    }

    private static NextContractVersion.Existing existing(BuybackContract c) {
        return new NextContractVersion.Existing(c.id(), c.version(), c.site(), c.validity());
    }

    private static void insert(Connection c, BuybackContract contract, Optional<Integer> meterReadingDay, Instant at, String by)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO buyback_contract (id, version, site_id, valid_from, valid_until, tariff, tax_treatment,
                                              meter_reading_day, recorded_at, recorded_by)
                VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)""")) {
            ps.setString(1, contract.id().value());
            ps.setInt(2, contract.version());
            ps.setString(3, contract.site().value());
            ps.setObject(4, contract.validity().from());
            ps.setObject(5, contract.validity().until());
            ps.setString(6, TariffJson.write(contract.tariff()));
            ps.setString(7, contract.taxTreatment().name());
            ps.setObject(8, meterReadingDay.orElse(null), java.sql.Types.SMALLINT);
            ps.setTimestamp(9, Timestamp.from(at));
            ps.setString(10, by);
            ps.executeUpdate();
        }
    }

    /**
     * Per site, the latest version (as recorded at or before {@code knownAt}) of every contract that is in
     * force on some day of {@code period} and belongs to the period's billing cycle: calendar-month runs take
     * contracts without a meter-reading day, meter-reading runs those read on the period's last day + 1.
     */
    public Map<SiteId, List<BuybackContract>> inForce(SettlementPeriod period, Instant knownAt) {
        String cycle = period.kind() == SettlementPeriod.Kind.CALENDAR_MONTH
                ? "meter_reading_day IS NULL" : "meter_reading_day = " + period.until().getDayOfMonth();
        String sql = "SELECT " + COLUMNS + " FROM (SELECT DISTINCT ON (id) * FROM buyback_contract WHERE recorded_at <= ?"
                + " ORDER BY id, version DESC) latest WHERE " + cycle
                + " AND valid_from < ? AND (valid_until IS NULL OR valid_until > ?) ORDER BY site_id, valid_from";
        Map<SiteId, List<BuybackContract>> bySite = new LinkedHashMap<>();
        // Many contracts share a tariff plan: parse each distinct one once.
        Map<String, BuybackTariff> tariffs = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setTimestamp(1, Timestamp.from(knownAt));
            ps.setObject(2, period.until());
            ps.setObject(3, period.from());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    BuybackContract contract = contract(rs, tariffs.computeIfAbsent(rs.getString(6), TariffJson::read));
                    bySite.computeIfAbsent(contract.site(), s -> new ArrayList<>()).add(contract);
                }
            }
        } catch (SQLException e) {
            throw new StoreException("loading contracts for " + period + " failed: " + e.getMessage(), e);
        }
        return bySite;
    }

    /** One version exactly, as a statement names it. */
    public BuybackContract version(ContractId id, int version) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM buyback_contract WHERE id = ? AND version = ?")) {
            ps.setString(1, id.value());
            ps.setInt(2, version);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("contract " + id + " v" + version + " is not stored");
                }
                return contract(rs, TariffJson.read(rs.getString(6)));
            }
        } catch (SQLException e) {
            throw new StoreException("loading contract " + id + " failed: " + e.getMessage(), e);
        }
    }

    private static Optional<BuybackContract> latest(Connection c, ContractId id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                + " FROM buyback_contract WHERE id = ? ORDER BY version DESC LIMIT 1")) {
            ps.setString(1, id.value());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(contract(rs, TariffJson.read(rs.getString(6)))) : Optional.empty();
            }
        }
    }

    private static BuybackContract contract(ResultSet rs, BuybackTariff tariff) throws SQLException {
        LocalDate untilDay = rs.getObject(5, LocalDate.class);
        return new BuybackContract(ContractId.of(rs.getString(1)), rs.getInt(2), SiteId.of(rs.getString(3)),
                new Validity(rs.getObject(4, LocalDate.class), untilDay), tariff,
                TaxTreatment.valueOf(rs.getString(7)));
    }
}
