package org.aems.ingest.rollup;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import javax.sql.DataSource;
import org.aems.core.region.RegionFileReader;
import org.aems.core.time.Jst;
import org.aems.core.time.Slot;
import org.aems.ingest.registry.RegistryStore;
import org.aems.ingest.store.TimescaleDbMigration;
import org.aems.testing.MutableClock;
import org.aems.testing.TestInfrastructure;
import org.aems.testing.TestRegions;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A migrated fresh database with the two-site test region (sites {prefix}-a with pv-1, bat-1, meter-1 and
 * {prefix}-b with meter-1, both on feeder {prefix}-f1; meters wrap at 100,000,000 Wh), a movable clock,
 * and the rollup wired as the auto-configuration wires it. Telemetry goes in with plain SQL, stamped
 * {@code received_at} = the clock.
 */
final class RollupHarness {

    private static final DateTimeFormatter JST_TEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]");

    final String siteA;
    final String siteB;
    final String feeder;
    final DataSource dataSource;
    final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T00:00:00Z"));
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final IntervalRollup rollup;

    RollupHarness(String prefix) {
        siteA = prefix + "-a";
        siteB = prefix + "-b";
        feeder = prefix + "-f1";
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(TestInfrastructure.freshDatabase());
        dataSource = ds;
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").javaMigrations(new TimescaleDbMigration()).load()
                .migrate();
        new RegistryStore(ds).importRegion(new RegionFileReader().read(new ByteArrayInputStream(
                TestRegions.twoSites(prefix).getBytes(StandardCharsets.UTF_8))), clock.instant());
        rollup = new IntervalRollup(ds, clock, RollupSettings.defaults(), new RollupMetrics(meters));
    }

    /** An instant written as JST wall-clock time, "2026-05-12 12:10[:30]". */
    static Instant jst(String text) {
        return LocalDateTime.parse(text, JST_TEXT).atZone(Jst.ZONE).toInstant();
    }

    static Slot slot(String date, int index) {
        return Slot.of(LocalDate.parse(date), index);
    }

    /** Forgets all telemetry, intervals and the watermark, as a fresh installation. */
    void reset() {
        execute("TRUNCATE telemetry_reading, site_interval, feeder_interval");
        execute("UPDATE rollup_watermark SET scanned_until = NULL, closed_until = NULL, updated_at = NULL");
    }

    /** Stores a reading received now (by the clock). */
    void reading(String site, String device, String quantity, String jstTime, double value) {
        readings(site, device, quantity, jstTime.substring(0, 10), jstTime.substring(11) + "=" + value);
    }

    /** Several readings of one register or power, "HH:mm[:ss]=value" on {@code date} (JST), received now (by the clock). */
    void readings(String site, String device, String quantity, String date, String points) {
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement("""
                INSERT INTO telemetry_reading (site_id, device_id, quantity, ts, value, message_id, received_at)
                VALUES (?, ?, ?, ?, ?, 'it', ?)""")) {
            for (String point : points.trim().split("\\s+")) {
                String[] parts = point.split("=");
                insert.setString(1, site);
                insert.setString(2, device);
                insert.setString(3, quantity);
                insert.setTimestamp(4, Timestamp.from(jst(date + " " + parts[0])));
                insert.setDouble(5, Double.parseDouble(parts[1]));
                insert.setTimestamp(6, Timestamp.from(clock.instant()));
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Moves the clock to a JST time and runs the rollup once. */
    RollupRun runAt(String jstTime) {
        clock.set(jst(jstTime));
        return rollup.run();
    }

    Optional<StoredInterval> interval(String site, Slot slot) {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement("""
                SELECT slot_start, slot_date, slot_index, import_wh, export_wh, pv_wh, battery_charge_wh, battery_discharge_wh,
                       ev_charge_wh, ev_discharge_wh, avg_power_w, peak_import_w, peak_export_w, completeness, quality, source,
                       note, revision
                FROM site_interval WHERE site_id = ? AND slot_start = ?""")) {
            q.setString(1, site);
            q.setTimestamp(2, Timestamp.from(slot.start()));
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new StoredInterval(rs.getTimestamp(1).toInstant(), rs.getObject(2, LocalDate.class), rs.getInt(3),
                        longOrNull(rs, 4), longOrNull(rs, 5), longOrNull(rs, 6), longOrNull(rs, 7), longOrNull(rs, 8),
                        longOrNull(rs, 9), longOrNull(rs, 10), longOrNull(rs, 11), longOrNull(rs, 12), longOrNull(rs, 13),
                        rs.getBigDecimal(14), rs.getString(15), rs.getString(16), rs.getString(17), rs.getInt(18)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    Optional<StoredFeederInterval> feederInterval(Slot slot) {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement("""
                SELECT import_wh, export_wh, net_import_wh, pv_wh, battery_charge_wh, battery_discharge_wh, site_count,
                       sites_reporting, revision, slot_date, slot_index, buyback_export_wh
                FROM feeder_interval WHERE feeder_id = ? AND slot_start = ?""")) {
            q.setString(1, feeder);
            q.setTimestamp(2, Timestamp.from(slot.start()));
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new StoredFeederInterval(longOrNull(rs, 1), longOrNull(rs, 2), longOrNull(rs, 3), longOrNull(rs, 4),
                        longOrNull(rs, 5), longOrNull(rs, 6), rs.getInt(7), rs.getInt(8), rs.getInt(9),
                        rs.getObject(10, LocalDate.class), rs.getInt(11), longOrNull(rs, 12)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    long count(String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    double intervalsCounted(IntervalQuality quality) {
        return meters.get(RollupMetrics.INTERVALS).tag("quality", quality.name()).counter().count();
    }

    private void execute(String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Long longOrNull(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    /** A {@code site_interval} row as stored. */
    record StoredInterval(Instant slotStart, LocalDate slotDate, int slotIndex, Long importWh, Long exportWh, Long pvWh,
                          Long batteryChargeWh, Long batteryDischargeWh, Long evChargeWh, Long evDischargeWh, Long avgPowerW,
                          Long peakImportW, Long peakExportW, BigDecimal completeness, String quality, String source, String note,
                          int revision) {
    }

    /** A {@code feeder_interval} row as stored. */
    record StoredFeederInterval(Long importWh, Long exportWh, Long netImportWh, Long pvWh, Long batteryChargeWh,
                                Long batteryDischargeWh, int siteCount, int sitesReporting, int revision, LocalDate slotDate,
                                int slotIndex, Long buybackExportWh) {
    }
}
