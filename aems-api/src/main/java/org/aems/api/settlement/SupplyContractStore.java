package org.aems.api.settlement;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.aems.core.grid.SiteId;
import org.aems.core.grid.Validity;
import org.aems.core.series.SeriesId;
import org.aems.core.settlement.ContractId;
import org.aems.core.settlement.TaxTreatment;
import org.aems.core.settlement.supply.BasicChargeRate;
import org.aems.core.settlement.supply.PowerFactor;
import org.aems.core.settlement.supply.SupplyContract;
import org.aems.core.settlement.supply.SupplyVoltage;
import org.aems.ingest.store.StoreException;
import org.springframework.stereotype.Component;

/** Supply contracts and their versions in PostgreSQL ({@code supply_contract}, append-only, V23). */
@Component
public class SupplyContractStore {

    private static final String COLUMNS = "id, version, site_id, valid_from, valid_until, voltage, contracted_kw, basic_charge,"
            + " energy_tariff::text, power_factor, fuel_cost_series, tax_treatment";

    /** The latest version of every supply contract of a site (parameter 1), by start. */
    private static final String LATEST_OF_SITE = "SELECT " + COLUMNS + ", recorded_at, recorded_by FROM (SELECT DISTINCT ON (id) *"
            + " FROM supply_contract WHERE site_id = ? ORDER BY id, version DESC) latest ORDER BY valid_from, id";

    private final DataSource dataSource;

    public SupplyContractStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Records {@code contract} as a new version: the next version of its id (1 for a new contract), on the
     * same site. Overlaps with other contracts of the site are not checked here but refused when a run uses them
     * (422), so tests and bulk imports can store what a run must refuse; the API uses {@link #recordNext}.
     */
    public void record(SupplyContract contract, Instant at, String by) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            NextContractVersion.lockSite(c, "supply_contract", contract.site());
            Optional<SupplyContract> latest = latest(c, contract.id());
            int expected = latest.map(l -> l.version() + 1).orElse(1);
            if (contract.version() != expected) {
                throw new IllegalArgumentException("supply contract " + contract.id() + " must be recorded as version " + expected
                        + ", was " + contract.version());
            }
            if (latest.isPresent() && !latest.get().site().equals(contract.site())) {
                throw new IllegalArgumentException("supply contract " + contract.id() + " belongs to site " + latest.get().site()
                        + "; a contract never moves to another site (" + contract.site() + ")");
            }
            insert(c, contract, at, by);
            c.commit();
        } catch (SQLException e) {
            throw new StoreException("recording supply contract " + contract.id() + " failed: " + e.getMessage(), e);
        }
    }

    /** A stored version with who recorded it and when. */
    public record StoredSupplyContract(SupplyContract contract, Instant recordedAt, String recordedBy) {
    }

    /**
     * Records the next version of supply contract {@code proposed.id()} (its version number is ignored: the next one is
     * taken), refusing under the site's lock what a run would refuse later or what would lose an update: see
     * {@link NextContractVersion}.
     */
    public StoredSupplyContract recordNext(SupplyContract proposed, Optional<Integer> expectedVersion, Instant at, String by) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                NextContractVersion.lockSite(c, "supply_contract", proposed.site());
                List<NextContractVersion.Existing> ofSite = query(c, LATEST_OF_SITE, proposed.site().value()).stream()
                        .map(other -> existing(other.contract())).toList();
                int next = NextContractVersion.check("supply contract", proposed.id(), proposed.site(), proposed.validity(),
                        latest(c, proposed.id()).map(SupplyContractStore::existing), ofSite, expectedVersion);
                SupplyContract contract = new SupplyContract(proposed.id(), next, proposed.site(), proposed.validity(),
                        proposed.voltage(), proposed.contractedKilowatts(), proposed.basicCharge(), proposed.energyTariff(),
                        proposed.powerFactor(), proposed.fuelCostSeries(), proposed.taxTreatment());
                insert(c, contract, at, by);
                c.commit();
                return new StoredSupplyContract(contract, at, by);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("recording supply contract " + proposed.id() + " failed: " + e.getMessage(), e);
        }
    }

    /** Every version of supply contract {@code id}, oldest first; empty when there is none. */
    public List<StoredSupplyContract> versions(ContractId id) {
        return query("SELECT " + COLUMNS + ", recorded_at, recorded_by FROM supply_contract WHERE id = ? ORDER BY version", id.value());
    }

    /** The latest version of every supply contract of {@code site}, by start. */
    public List<StoredSupplyContract> ofSite(SiteId site) {
        return query(LATEST_OF_SITE, site.value());
    }

    private List<StoredSupplyContract> query(String sql, String parameter) {
        try (Connection c = dataSource.getConnection()) {
            return query(c, sql, parameter);
        } catch (SQLException e) {
            throw new StoreException("loading supply contracts failed: " + e.getMessage(), e);
        }
    }

    private static List<StoredSupplyContract> query(Connection c, String sql, String parameter) throws SQLException {
        List<StoredSupplyContract> result = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(new StoredSupplyContract(contract(rs), rs.getTimestamp(13).toInstant(), rs.getString(14)));
                }
            }
        }
        return result;
    }

    private static NextContractVersion.Existing existing(SupplyContract c) {
        return new NextContractVersion.Existing(c.id(), c.version(), c.site(), c.validity());
    }

    private static void insert(Connection c, SupplyContract contract, Instant at, String by) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO supply_contract (id, version, site_id, valid_from, valid_until, voltage, contracted_kw, basic_charge,
                    energy_tariff, power_factor, fuel_cost_series, tax_treatment, recorded_at, recorded_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?)""")) {
            ps.setString(1, contract.id().value());
            ps.setInt(2, contract.version());
            ps.setString(3, contract.site().value());
            ps.setObject(4, contract.validity().from());
            ps.setObject(5, contract.validity().until());
            ps.setString(6, contract.voltage().name());
            ps.setBigDecimal(7, contract.contractedKilowatts());
            ps.setBigDecimal(8, contract.basicCharge().yenPerKwMonth());
            ps.setString(9, TariffJson.write(contract.energyTariff()));
            ps.setInt(10, contract.powerFactor().percent());
            ps.setString(11, contract.fuelCostSeries().value());
            ps.setString(12, contract.taxTreatment().name());
            ps.setTimestamp(13, Timestamp.from(at));
            ps.setString(14, by);
            ps.executeUpdate();
        }
    }

    /**
     * Per site, the latest version (as recorded at or before {@code knownAt}) of every supply contract in
     * force in {@code month}.
     */
    public Map<SiteId, List<SupplyContract>> inForce(YearMonth month, Instant knownAt) {
        String sql = "SELECT " + COLUMNS + " FROM (SELECT DISTINCT ON (id) * FROM supply_contract WHERE recorded_at <= ?"
                + " ORDER BY id, version DESC) latest WHERE valid_from < ? AND (valid_until IS NULL OR valid_until > ?)"
                + " ORDER BY site_id, valid_from";
        Map<SiteId, List<SupplyContract>> bySite = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setTimestamp(1, Timestamp.from(knownAt));
            ps.setObject(2, month.plusMonths(1).atDay(1));
            ps.setObject(3, month.atDay(1));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    SupplyContract contract = contract(rs);
                    bySite.computeIfAbsent(contract.site(), s -> new ArrayList<>()).add(contract);
                }
            }
        } catch (SQLException e) {
            throw new StoreException("loading supply contracts for " + month + " failed: " + e.getMessage(), e);
        }
        return bySite;
    }

    /** One version exactly, as a bill names it. */
    public SupplyContract version(ContractId id, int version) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM supply_contract WHERE id = ? AND version = ?")) {
            ps.setString(1, id.value());
            ps.setInt(2, version);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("supply contract " + id + " v" + version + " is not stored");
                }
                return contract(rs);
            }
        } catch (SQLException e) {
            throw new StoreException("loading supply contract " + id + " failed: " + e.getMessage(), e);
        }
    }

    private static Optional<SupplyContract> latest(Connection c, ContractId id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                + " FROM supply_contract WHERE id = ? ORDER BY version DESC LIMIT 1")) {
            ps.setString(1, id.value());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(contract(rs)) : Optional.empty();
            }
        }
    }

    private static SupplyContract contract(ResultSet rs) throws SQLException {
        LocalDate until = rs.getObject(5, LocalDate.class);
        return new SupplyContract(ContractId.of(rs.getString(1)), rs.getInt(2), SiteId.of(rs.getString(3)),
                new Validity(rs.getObject(4, LocalDate.class), until), SupplyVoltage.valueOf(rs.getString(6)),
                rs.getBigDecimal(7), new BasicChargeRate(rs.getBigDecimal(8)), TariffJson.read(rs.getString(9)),
                new PowerFactor(rs.getInt(10)), new SeriesId(rs.getString(11)), TaxTreatment.valueOf(rs.getString(12)));
    }
}
