package org.aems.ingest.registry;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.aems.core.grid.Asset;
import org.aems.core.grid.Bank;
import org.aems.core.grid.BankId;
import org.aems.core.grid.Battery;
import org.aems.core.grid.BuybackStatus;
import org.aems.core.grid.DeviceId;
import org.aems.core.grid.Effective;
import org.aems.core.grid.EffectiveHistory;
import org.aems.core.grid.EvCharger;
import org.aems.core.grid.Feeder;
import org.aems.core.grid.FeederId;
import org.aems.core.grid.FlowLimits;
import org.aems.core.grid.MetrologyClass;
import org.aems.core.grid.PvArray;
import org.aems.core.grid.Region;
import org.aems.core.grid.RegionId;
import org.aems.core.grid.Site;
import org.aems.core.grid.SiteId;
import org.aems.core.grid.SiteKind;
import org.aems.core.grid.SmartMeter;
import org.aems.core.grid.Substation;
import org.aems.core.grid.SubstationId;
import org.aems.core.grid.SupplyPointNumber;
import org.aems.core.grid.Validity;
import org.aems.core.unit.Efficiency;
import org.aems.core.unit.Energy;
import org.aems.core.unit.Power;
import org.aems.ingest.store.StoreException;

/**
 * The grid registry in PostgreSQL: imports a {@link Region} so that the stored registry of that region
 * equals it (one transaction), and reads sites back as domain objects.
 */
public final class RegistryStore {

    private static final String SITE_COLUMNS = """
            s.id, s.name, s.kind, s.supply_point_number, s.valid_from, s.valid_until,
            s.feeder_id, f.bank_id, b.substation_id, ss.region_id
            FROM site s JOIN feeder f ON f.id = s.feeder_id JOIN bank b ON b.id = f.bank_id
            JOIN substation ss ON ss.id = b.substation_id
            """;

    private final DataSource dataSource;

    public RegistryStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public ImportReport importRegion(Region region, Instant importedAt) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<String> before = siteIdsOfRegion(c, region.id());
                // Cascades remove the region's topology; then the file's content goes in whole.
                execute(c, "DELETE FROM region WHERE id = ?", region.id().value());
                ImportReport report = insertRegion(c, region, importedAt);
                Set<String> now = new HashSet<>();
                region.sites().forEach(s -> now.add(s.id().value()));
                List<String> removed = before.stream().filter(id -> !now.contains(id)).sorted().toList();
                c.commit();
                return new ImportReport(report.regionId(), report.substations(), report.banks(), report.feeders(),
                        report.sites(), report.assets(), removed);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("importing region " + region.id() + " failed: " + e.getMessage(), e);
        }
    }

    public boolean exists(SiteId site) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("SELECT 1 FROM site WHERE id = ?")) {
            q.setString(1, site.value());
            try (ResultSet rs = q.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new StoreException("site lookup failed: " + e.getMessage(), e);
        }
    }

    public boolean feederExists(FeederId feeder) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("SELECT 1 FROM feeder WHERE id = ?")) {
            q.setString(1, feeder.value());
            try (ResultSet rs = q.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new StoreException("feeder lookup failed: " + e.getMessage(), e);
        }
    }

    public Optional<RegisteredSite> site(SiteId id) {
        List<RegisteredSite> found = query("SELECT " + SITE_COLUMNS + " WHERE s.id = ?", List.of(id.value()));
        return found.stream().findFirst();
    }

    /** The site with its assets as registered now, for validation. */
    public Optional<Site> siteOf(SiteId id) {
        return site(id).map(RegisteredSite::site);
    }

    /** Sites ordered by id, optionally of one feeder, a page at a time. */
    public List<RegisteredSite> sites(Optional<FeederId> feeder, int offset, int limit) {
        List<Object> args = new ArrayList<>();
        String where = "";
        if (feeder.isPresent()) {
            where = " WHERE s.feeder_id = ?";
            args.add(feeder.get().value());
        }
        args.add(limit);
        args.add(offset);
        return query("SELECT " + SITE_COLUMNS + where + " ORDER BY s.id LIMIT ? OFFSET ?", args);
    }

    /** These sites (those that exist), ordered by id. */
    public List<RegisteredSite> sites(List<SiteId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return query("SELECT " + SITE_COLUMNS + " WHERE s.id = ANY (?) ORDER BY s.id",
                List.<Object>of((Object) ids.stream().map(SiteId::value).toArray(String[]::new)));
    }

    public long countSites(Optional<FeederId> feeder) {
        String sql = "SELECT count(*) FROM site" + (feeder.isPresent() ? " WHERE feeder_id = ?" : "");
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            if (feeder.isPresent()) {
                q.setString(1, feeder.get().value());
            }
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new StoreException("counting sites failed: " + e.getMessage(), e);
        }
    }

    private List<RegisteredSite> query(String sql, List<Object> args) {
        try (Connection c = dataSource.getConnection()) {
            Map<String, SiteRow> rows = new LinkedHashMap<>();
            try (PreparedStatement q = c.prepareStatement(sql)) {
                for (int i = 0; i < args.size(); i++) {
                    q.setObject(i + 1, args.get(i));
                }
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        rows.put(rs.getString(1), SiteRow.of(rs));
                    }
                }
            }
            if (rows.isEmpty()) {
                return List.of();
            }
            String[] ids = rows.keySet().toArray(String[]::new);
            Map<String, List<Effective<BuybackStatus>>> buyback = buyback(c, ids);
            Map<String, List<Asset>> assets = assets(c, ids);
            List<RegisteredSite> sites = new ArrayList<>(rows.size());
            for (SiteRow row : rows.values()) {
                Site site = new Site(SiteId.of(row.id), row.name, SiteKind.valueOf(row.kind), new SupplyPointNumber(row.supplyPoint),
                        new Validity(row.from, row.until), new EffectiveHistory<>(buyback.getOrDefault(row.id, List.of())),
                        assets.getOrDefault(row.id, List.of()));
                sites.add(new RegisteredSite(site, FeederId.of(row.feeder), BankId.of(row.bank),
                        SubstationId.of(row.substation), RegionId.of(row.region)));
            }
            return sites;
        } catch (SQLException e) {
            throw new StoreException("reading sites failed: " + e.getMessage(), e);
        }
    }

    private record SiteRow(String id, String name, String kind, String supplyPoint, LocalDate from, LocalDate until,
                           String feeder, String bank, String substation, String region) {
        static SiteRow of(ResultSet rs) throws SQLException {
            return new SiteRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                    rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class), rs.getString(7), rs.getString(8),
                    rs.getString(9), rs.getString(10));
        }
    }

    private static Map<String, List<Effective<BuybackStatus>>> buyback(Connection c, String[] ids) throws SQLException {
        Map<String, List<Effective<BuybackStatus>>> result = new LinkedHashMap<>();
        try (PreparedStatement q = c.prepareStatement(
                "SELECT site_id, valid_from, valid_until, status FROM site_buyback WHERE site_id = ANY (?) ORDER BY site_id, valid_from")) {
            q.setArray(1, c.createArrayOf("text", ids));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    result.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Effective<>(
                            new Validity(rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class)),
                            BuybackStatus.valueOf(rs.getString(4))));
                }
            }
        }
        return result;
    }

    private static Map<String, List<Asset>> assets(Connection c, String[] ids) throws SQLException {
        Map<String, List<Asset>> result = new LinkedHashMap<>();
        try (PreparedStatement q = c.prepareStatement("""
                SELECT site_id, device_id, kind, valid_from, valid_until, curtailable,
                       pv_peak_w, pv_inverter_limit_w, pv_tilt_deg, pv_azimuth_deg,
                       battery_capacity_wh, battery_max_charge_w, battery_max_discharge_w,
                       battery_charge_efficiency, battery_discharge_efficiency,
                       ev_max_charge_w, ev_max_discharge_w, ev_v2x, meter_metrology_class, meter_rollover_wh
                FROM asset WHERE site_id = ANY (?) ORDER BY site_id, position
                """)) {
            q.setArray(1, c.createArrayOf("text", ids));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    result.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(asset(rs));
                }
            }
        }
        return result;
    }

    private static Asset asset(ResultSet rs) throws SQLException {
        DeviceId id = DeviceId.of(rs.getString(2));
        Validity validity = new Validity(rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class));
        boolean curtailable = rs.getBoolean(6);
        switch (rs.getString(3)) {
            case "PV":
                return new PvArray(id, validity, curtailable, Power.ofWatts(rs.getLong(7)), Power.ofWatts(rs.getLong(8)),
                        rs.getDouble(9), rs.getDouble(10));
            case "BATTERY":
                return new Battery(id, validity, curtailable, Energy.ofWattHours(rs.getLong(11)), Power.ofWatts(rs.getLong(12)),
                        Power.ofWatts(rs.getLong(13)), Efficiency.of(rs.getDouble(14)), Efficiency.of(rs.getDouble(15)));
            case "EV_CHARGER":
                return new EvCharger(id, validity, curtailable, Power.ofWatts(rs.getLong(16)), Power.ofWatts(rs.getLong(17)),
                        rs.getBoolean(18));
            case "METER":
                return new SmartMeter(id, validity, MetrologyClass.valueOf(rs.getString(19)), Energy.ofWattHours(rs.getLong(20)));
            default:
                throw new IllegalStateException("unknown asset kind " + rs.getString(3));
        }
    }

    private static List<String> siteIdsOfRegion(Connection c, RegionId region) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("SELECT s.id FROM site s JOIN feeder f ON f.id = s.feeder_id "
                + "JOIN bank b ON b.id = f.bank_id JOIN substation ss ON ss.id = b.substation_id WHERE ss.region_id = ?")) {
            q.setString(1, region.value());
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    private static ImportReport insertRegion(Connection c, Region region, Instant importedAt) throws SQLException {
        try (PreparedStatement r = c.prepareStatement("INSERT INTO region (id, name, imported_at) VALUES (?, ?, ?)")) {
            r.setString(1, region.id().value());
            r.setString(2, region.name());
            r.setTimestamp(3, Timestamp.from(importedAt));
            r.executeUpdate();
        }
        int banks = 0;
        int feeders = 0;
        int sites = 0;
        int assets = 0;
        try (PreparedStatement sub = c.prepareStatement("INSERT INTO substation (id, region_id, name) VALUES (?, ?, ?)");
             PreparedStatement bank = c.prepareStatement("INSERT INTO bank (id, substation_id, name) VALUES (?, ?, ?)");
             PreparedStatement feeder = c.prepareStatement(
                     "INSERT INTO feeder (id, bank_id, name, valid_from, valid_until) VALUES (?, ?, ?, ?, ?)");
             PreparedStatement bankLimit = c.prepareStatement("INSERT INTO bank_limit (bank_id, valid_from, valid_until, "
                     + "reverse_flow_limit_w, import_limit_w) VALUES (?, ?, ?, ?, ?)");
             PreparedStatement feederLimit = c.prepareStatement("INSERT INTO feeder_limit (feeder_id, valid_from, valid_until, "
                     + "reverse_flow_limit_w, import_limit_w) VALUES (?, ?, ?, ?, ?)");
             PreparedStatement site = c.prepareStatement("INSERT INTO site (id, feeder_id, name, kind, supply_point_number, "
                     + "valid_from, valid_until) VALUES (?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement buyback = c.prepareStatement(
                     "INSERT INTO site_buyback (site_id, valid_from, valid_until, status) VALUES (?, ?, ?, ?)");
             AssetInsert asset = new AssetInsert(c)) {
            for (Substation s : region.substations()) {
                set(sub, s.id().value(), region.id().value(), s.name());
                sub.addBatch();
                for (Bank b : s.banks()) {
                    banks++;
                    set(bank, b.id().value(), s.id().value(), b.name());
                    bank.addBatch();
                    addLimits(bankLimit, b.id().value(), b.limits());
                    for (Feeder f : b.feeders()) {
                        feeders++;
                        set(feeder, f.id().value(), b.id().value(), f.name(), date(f.validity().from()), date(f.validity().until()));
                        feeder.addBatch();
                        addLimits(feederLimit, f.id().value(), f.limits());
                        for (Site st : f.sites()) {
                            sites++;
                            set(site, st.id().value(), f.id().value(), st.name(), st.kind().name(), st.supplyPoint().value(),
                                    date(st.validity().from()), date(st.validity().until()));
                            site.addBatch();
                            for (Effective<BuybackStatus> e : st.buyback().entries()) {
                                set(buyback, st.id().value(), date(e.validity().from()), date(e.validity().until()), e.value().name());
                                buyback.addBatch();
                            }
                            for (int i = 0; i < st.assets().size(); i++) {
                                assets++;
                                asset.add(st.id(), i, st.assets().get(i));
                            }
                        }
                    }
                }
            }
            // Parents before children, for the foreign keys.
            sub.executeBatch();
            bank.executeBatch();
            feeder.executeBatch();
            bankLimit.executeBatch();
            feederLimit.executeBatch();
            site.executeBatch();
            buyback.executeBatch();
            asset.execute();
        }
        return new ImportReport(region.id().value(), region.substations().size(), banks, feeders, sites, assets, List.of());
    }

    private static void addLimits(PreparedStatement limit, String owner, EffectiveHistory<FlowLimits> limits)
            throws SQLException {
        for (Effective<FlowLimits> e : limits.entries()) {
            set(limit, owner, date(e.validity().from()), date(e.validity().until()),
                    e.value().reverseFlowLimit().watts(), e.value().importLimit().watts());
            limit.addBatch();
        }
    }

    static Date date(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }

    static void set(PreparedStatement statement, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            statement.setObject(i + 1, values[i]);
        }
    }

    private static void execute(Connection c, String sql, String arg) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, arg);
            s.executeUpdate();
        }
    }
}
