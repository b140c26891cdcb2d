package org.aems.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.aems.core.time.Jst;
import org.aems.core.time.Slot;
import org.aems.ingest.registry.RegistryStore;
import org.aems.simulators.BundledRegions;
import org.aems.testing.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue #8 alerts from what the dashboard shows: the demo region's feeders (reverse-flow limit 150 kW) with hand-made
 * rollups, commands and market plans in PostgreSQL; the watch raises through the shared seam and closes what has ended.
 * Also the Region page's live "now" from hand-made readings (in this class to share its application context).
 */
@SpringBootTest
class OperationsWatchIT {

    @Autowired
    OperationsWatch watch;
    @Autowired
    DataSource dataSource;
    @Autowired
    RegistryStore registry;
    @Autowired
    Clock clock;
    @Autowired
    DashboardController dashboard;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("aems.embedded.enabled", () -> "false");
        registry.add("aems.simulator.enabled", () -> "false");
        registry.add("aems.ingest.enabled", () -> "false");
        registry.add("aems.optimizer.enabled", () -> "false");
        registry.add("spring.datasource.url", TestInfrastructure::freshDatabase);
    }

    @Test
    void aFeederOverItsLimitAndASiteIgnoringCommandsRaiseAlertsThatCloseWhenTheyEnd() throws SQLException {
        registry.importRegion(BundledRegions.scenario("demo").region(), clock.instant());
        Instant now = clock.instant();
        // A slot of today (JST) whose next slot is today too, whatever the time of day the test runs.
        Slot current = Slot.containing(now);
        Slot slot = current.index() < 48 ? current : current.previous();
        // f2 sent back 100 kWh in half an hour: 200 kW on average, over its 150 kW; f1 drew 10 kW.
        feeder("f2", slot, -100_000L);
        feeder("f1", slot, 5_000L);
        command("c-1", "demo-001", "NO_ACK", now.minus(Duration.ofMinutes(10)));
        command("c-2", "demo-001", "NO_ACK", now.minus(Duration.ofMinutes(40)));
        command("c-3", "demo-002", "NO_ACK", now.minus(Duration.ofHours(2)));
        command("c-4", "demo-003", "ACCEPTED", now.minus(Duration.ofMinutes(5)));
        // On f1, demo-001 last reported an hour ago and demo-002 a minute ago; the other sites never did (not counted).
        reading("demo-001", now.minus(Duration.ofHours(1)));
        reading("demo-002", now.minus(Duration.ofMinutes(1)));

        watch.round();
        assertThat(open()).containsExactly(
                "COMMAND_UNACKNOWLEDGED WARNING site demo-001",
                "FEEDER_REVERSE_FLOW_BREACHED CRITICAL feeder f2",
                "GATEWAYS_SILENT WARNING feeder f1");
        assertThat(message("feeder f1")).isEqualTo("1 of 2 gateways on feeder f1 sent nothing stamped within the last 15 min"
                + " (demo-001); check their connections, or the site's Sites page for rejected data");
        assertThat(message("feeder f2")).isEqualTo("6.6kV 配電線 F2 (f2) sent back 200.0 kW on average in slot " + slot
                + ", above its reverse-flow limit of 150.0 kW; check the bank's plan and curtailment");
        assertThat(message("site demo-001")).startsWith("2 command(s) to demo-001 not acknowledged in the last hour (latest issued ");

        // Seen again a minute later: one alert each, counted twice.
        watch.round();
        assertThat(open()).hasSize(3);
        assertThat(occurrences("feeder f2")).isEqualTo(2);

        // The next slot is back within the limit and the site's commands were answered: both close.
        feeder("f2", slot.next(), -10_000L);
        reading("demo-001", now);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE dispatch_command SET status = 'ACCEPTED' WHERE site_id = 'demo-001'")) {
            ps.executeUpdate();
        }
        watch.round();
        assertThat(open()).isEmpty();
    }

    @Test
    void aSlotFarOffTheMarketPlanRaisesAForecastErrorThatClosesWhenALaterSlotIsBackOnPlan() throws SQLException {
        registry.importRegion(BundledRegions.scenario("demo").region(), clock.instant());
        java.time.LocalDate today = org.aems.core.time.Jst.toJst(clock.instant()).toLocalDate();
        Slot first = Slot.of(today, 1);
        Slot second = Slot.of(today, 2);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("DELETE FROM feeder_interval")) {
            ps.executeUpdate(); // the other test's slots may be these (just after midnight JST)
        }
        // Version 1 was in force when the slots began: 20 kWh demand, 5 kWh surplus per slot. Version 2 came later and
        // does not count for them.
        marketPlan(today, 1, first.start().minus(Duration.ofDays(1)), 20_000, 5_000);
        marketPlan(today, 2, second.start().plus(Duration.ofMinutes(5)), 30_000, 5_000);
        // Slot 1: the feeders drew 30 kWh (+50 %) and sold the 5 kWh forecast.
        measured("f1", first, 12_000, 2_000);
        measured("f2", first, 10_000, 1_500);
        measured("f3", first, 8_000, 1_500);

        watch.round();
        assertThat(open()).containsExactly("FORECAST_ERROR_LARGE WARNING market plan demand");
        assertThat(message("market plan demand")).isEqualTo("demand (grid import) in slot " + first + " was 30.0 kWh against the"
                + " market plan's 20.0 kWh (v1, +50 %); the balancing group pays the imbalance unless an intraday revision or"
                + " dispatch closes the gap");

        // Slot 2 is within 30 % of version 1 (24 kWh, +20 %): the alert closes.
        measured("f1", second, 8_000, 2_000);
        measured("f2", second, 8_000, 1_500);
        measured("f3", second, 8_000, 1_500);
        watch.round();
        assertThat(open()).isEmpty();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("DELETE FROM feeder_interval")) {
            ps.executeUpdate();
        }
    }

    private void marketPlan(java.time.LocalDate day, int version, Instant createdAt, long demandWh, long surplusWh) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement v = c.prepareStatement("""
                INSERT INTO market_plan_version (plan_date, version, issued_at, created_at, created_by, scope)
                VALUES (?, ?, ?, ?, 'test', 'the demo region') RETURNING id""")) {
            v.setObject(1, day);
            v.setInt(2, version);
            v.setTimestamp(3, Timestamp.from(createdAt));
            v.setTimestamp(4, Timestamp.from(createdAt));
            long id;
            try (ResultSet rs = v.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO market_plan_slot (plan_id, slot_start, demand_wh, generation_wh, procurement_wh, expected_price, expected_cost)
                    VALUES (?, ?, ?, ?, ?, 10, 0)""")) {
                for (int i = 1; i <= Slot.SLOTS_PER_DAY; i++) {
                    s.setLong(1, id);
                    s.setTimestamp(2, Timestamp.from(Slot.of(day, i).start()));
                    s.setLong(3, demandWh);
                    s.setLong(4, surplusWh);
                    s.setLong(5, demandWh - surplusWh);
                    s.addBatch();
                }
                s.executeBatch();
            }
        }
    }

    private void measured(String feeder, Slot slot, long importWh, long surplusWh) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO feeder_interval (feeder_id, slot_start, slot_date, slot_index, import_wh, export_wh, net_import_wh, pv_wh,
                    buyback_export_wh, site_count, sites_reporting, computed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, 10, 10, now())""")) {
            ps.setString(1, feeder);
            ps.setTimestamp(2, Timestamp.from(slot.start()));
            ps.setObject(3, slot.date());
            ps.setInt(4, slot.index());
            ps.setLong(5, importWh);
            ps.setLong(6, surplusWh);
            ps.setLong(7, importWh - surplusWh);
            ps.setLong(8, surplusWh);
            ps.executeUpdate();
        }
    }

    @Test
    void theRegionsNowIsEachSitesNewestReadingsSummedOverTheSitesThatReportedLately() throws SQLException {
        registry.importRegion(BundledRegions.scenario("demo").region(), clock.instant());
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("DELETE FROM telemetry_reading")) {
            ps.executeUpdate(); // the other tests' readings
        }
        // demo-001: imports 1.2 kW now (an older reading of 5 kW is history); demo-002: sends 2 kW back with 3.5 kW of PV
        // and charges its battery at 0.5 kW, its PV stamped a second after its meter; demo-003 fell silent 20 minutes ago.
        liveReading("demo-001", "meter-1", "meter.power", now.minusSeconds(65), 5_000);
        liveReading("demo-001", "meter-1", "meter.power", now.minusSeconds(5), 1_200);
        liveReading("demo-002", "meter-1", "meter.power", now.minusSeconds(6), -2_000);
        liveReading("demo-002", "pv-1", "pv.power", now.minusSeconds(5), 3_500);
        liveReading("demo-002", "battery-1", "battery.power", now.minusSeconds(5), 500);
        liveReading("demo-003", "meter-1", "meter.power", now.minus(Duration.ofMinutes(20)), 9_000);

        RegionView today = dashboard.region(null);
        RegionView.Live live = today.live();
        assertThat(live.sitesReporting()).isEqualTo(2);
        assertThat(live.siteCount()).isEqualTo(50);
        assertThat(live.gridKw()).isEqualTo("-0.800");
        assertThat(live.pvKw()).isEqualTo("3.500");
        assertThat(live.demandKw()).as("grid + PV").isEqualTo("2.700");
        assertThat(live.batteryKw()).isEqualTo("0.500");
        assertThat(live.evKw()).isNull();
        assertThat(live.newest()).isEqualTo(Jst.toJst(now.minusSeconds(5)).toOffsetDateTime().toString());

        assertThat(dashboard.region(Jst.toJst(now).toLocalDate().minusDays(1)).live()).as("yesterday has no 'now'").isNull();
    }

    private void liveReading(String site, String device, String quantity, Instant ts, double value) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO telemetry_reading (site_id, device_id, quantity, ts, value, message_id, received_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
            ps.setString(1, site);
            ps.setString(2, device);
            ps.setString(3, quantity);
            ps.setTimestamp(4, Timestamp.from(ts));
            ps.setDouble(5, value);
            ps.setString(6, site + "-" + ts.toEpochMilli());
            ps.setTimestamp(7, Timestamp.from(ts));
            ps.executeUpdate();
        }
    }

    private List<String> open() throws SQLException {
        List<String> open = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT kind, severity, subject FROM alert WHERE resolved_at IS NULL ORDER BY kind, subject");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                open.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
            }
        }
        return open;
    }

    private String message(String subject) throws SQLException {
        return single("SELECT message FROM alert WHERE subject = ? AND resolved_at IS NULL", subject);
    }

    private int occurrences(String subject) throws SQLException {
        return Integer.parseInt(single("SELECT occurrences::text FROM alert WHERE subject = ? AND resolved_at IS NULL", subject));
    }

    private String single(String sql, String subject) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, subject);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        }
    }

    private void feeder(String feeder, Slot slot, long netImportWh) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO feeder_interval (feeder_id, slot_start, slot_date, slot_index, import_wh, export_wh, net_import_wh, pv_wh,
                    site_count, sites_reporting, computed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, 0, 10, 10, now())""")) {
            ps.setString(1, feeder);
            ps.setTimestamp(2, Timestamp.from(slot.start()));
            ps.setObject(3, slot.date());
            ps.setInt(4, slot.index());
            ps.setLong(5, Math.max(0, netImportWh));
            ps.setLong(6, Math.max(0, -netImportWh));
            ps.setLong(7, netImportWh);
            ps.executeUpdate();
        }
    }

    private void reading(String site, Instant ts) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO telemetry_reading (site_id, device_id, quantity, ts, value, message_id, received_at)
                VALUES (?, 'meter-1', 'meter.power', ?, 500, ?, ?)""")) {
            ps.setString(1, site);
            ps.setTimestamp(2, Timestamp.from(ts));
            ps.setString(3, site + "-" + ts.toEpochMilli());
            ps.setTimestamp(4, Timestamp.from(ts));
            ps.executeUpdate();
        }
    }

    private void command(String id, String site, String status, Instant issued) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO dispatch_command (command_id, site_id, device_id, action, setpoint_w, valid_from, valid_until, issued_at,
                    issued_by, status)
                VALUES (?, ?, 'battery-1', 'SET_POWER', 1000, ?, ?, ?, 'optimizer', ?)""")) {
            ps.setString(1, id);
            ps.setString(2, site);
            ps.setTimestamp(3, Timestamp.from(issued));
            ps.setTimestamp(4, Timestamp.from(issued.plus(Duration.ofMinutes(30))));
            ps.setTimestamp(5, Timestamp.from(issued));
            ps.setString(6, status);
            ps.executeUpdate();
        }
    }
}
