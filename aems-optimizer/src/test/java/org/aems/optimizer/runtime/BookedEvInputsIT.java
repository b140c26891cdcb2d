package org.aems.optimizer.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.aems.core.grid.BankId;
import org.aems.core.grid.DeviceId;
import org.aems.core.grid.FeederId;
import org.aems.core.grid.SiteId;
import org.aems.core.time.Slot;
import org.aems.core.unit.Energy;
import org.aems.ingest.registry.RegistryStore;
import org.aems.ingest.store.TimescaleDbMigration;
import org.aems.optimizer.ev.Booking;
import org.aems.optimizer.ev.BookingStore;
import org.aems.optimizer.model.EvBooking;
import org.aems.simulators.BundledRegions;
import org.aems.testing.TestInfrastructure;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Booked EV charging is planned by the model, so the demand the forecasts learn leaves it out (it was counted twice
 * before), and a booked vehicle still to come back is planned from its plug-in. The demo's car-sharing station
 * demo-020 (feeder f2, bank odw-east-b1, two dispatchable 6 kW V2X chargers). #5
 */
class BookedEvInputsIT {

    private static final FeederId F2 = FeederId.of("f2");
    private static DataSource dataSource;
    private static Instant now;
    private static Slot current;

    @BeforeAll
    static void start() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(TestInfrastructure.freshDatabase());
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").javaMigrations(new TimescaleDbMigration()).load().migrate();
        dataSource = ds;
        current = Slot.containing(Instant.now());
        now = current.start().plusSeconds(120);
        new RegistryStore(ds).importRegion(BundledRegions.scenario("demo").region(), now.minus(Duration.ofDays(3)));
    }

    @Test
    void theLearnedDemandLeavesOutBookedChargingAndTheModelPlansEveryBookedWindow() {
        // Two days of f2: 10 kWh net import a slot, 3 kWh of it the station's EV charging in every slot.
        List<Object[]> feederRows = new ArrayList<>();
        List<Object[]> siteRows = new ArrayList<>();
        Slot first = current.previous();
        for (int k = 1; k <= 96; k++) {
            first = first.previous();
        }
        for (Slot s = first; s.compareTo(current) < 0; s = s.next()) {
            Timestamp start = Timestamp.from(s.start());
            feederRows.add(new Object[] {start, java.sql.Date.valueOf(s.date()), s.index(), Timestamp.from(now)});
            siteRows.add(new Object[] {start, java.sql.Date.valueOf(s.date()), s.index(), Timestamp.from(now)});
        }
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.batchUpdate("""
                INSERT INTO feeder_interval (feeder_id, slot_start, slot_date, slot_index, import_wh, export_wh, net_import_wh, pv_wh,
                                             ev_charge_wh, ev_discharge_wh, site_count, sites_reporting, computed_at)
                VALUES ('f2', ?, ?, ?, 10000, 0, 10000, 0, 3000, 0, 20, 20, ?)""", feederRows);
        jdbc.batchUpdate("""
                INSERT INTO site_interval (site_id, slot_start, slot_date, slot_index, import_wh, export_wh, ev_charge_wh, ev_discharge_wh,
                                           completeness, quality, source, computed_at)
                VALUES ('demo-020', ?, ?, ?, 3000, 0, 3000, 0, 1, 'MEASURED', 'FIXED_VALUE', ?)""", siteRows);
        BookingStore bookings = new BookingStore(dataSource);
        SiteId station = SiteId.of("demo-020");
        Energy capacity = Energy.ofWattHours(40_000);
        // Yesterday 10:00–14:00 (slots start at the window's start): a booked window in the history.
        Slot booked = current;
        for (int k = 0; k < 48; k++) {
            booked = booked.previous();
        }
        bookings.put(new Booking("past", station, DeviceId.of("ev-1"), booked.start(), booked.start().plus(Duration.ofHours(4)),
                Energy.ofWattHours(30_000), capacity, false), now);
        // Plugged in now (50 % of 40 kWh) and leaving in 3 hours with 30 kWh; back on ev-2 in 2 hours, leaving 4 hours later.
        bookings.put(new Booking("now", station, DeviceId.of("ev-1"), now.minus(Duration.ofHours(1)), current.start().plus(Duration.ofHours(3)),
                Energy.ofWattHours(30_000), capacity, false), now);
        bookings.put(new Booking("later", station, DeviceId.of("ev-2"), current.start().plus(Duration.ofHours(2)),
                current.start().plus(Duration.ofHours(6)), Energy.ofWattHours(32_000), capacity, false), now);
        // ev-1 again after its trip, back 10 minutes into a slot: steered from the next slot, never before it is there.
        bookings.put(new Booking("after-trip", station, DeviceId.of("ev-1"), current.start().plus(Duration.ofMinutes(250)),
                current.start().plus(Duration.ofHours(8)), Energy.ofWattHours(25_000), capacity, false), now);
        bookings.put(new Booking("cancelled", station, DeviceId.of("ev-2"), booked.start().plus(Duration.ofHours(6)),
                booked.start().plus(Duration.ofHours(8)), Energy.ofWattHours(30_000), capacity, true), now);
        jdbc.update("""
                        INSERT INTO telemetry_reading (site_id, device_id, quantity, ts, value, message_id, received_at)
                        VALUES ('demo-020', 'ev-1', 'ev.plugged', ?, 1, 'it-1', ?), ('demo-020', 'ev-1', 'ev.soc', ?, 50, 'it-2', ?)""",
                Timestamp.from(now.minusSeconds(30)), Timestamp.from(now), Timestamp.from(now.minusSeconds(30)), Timestamp.from(now));

        List<Slot> horizon = OptimizerCycle.horizon(current);
        BankInputs inputs = new BankInputsQuery(dataSource, Duration.ofMinutes(15), 7).load(BankId.of("odw-east-b1"), horizon, now, Set.of());
        BankInputs.FeederInputs f2 = inputs.feeders().stream().filter(f -> f.id().equals(F2)).findFirst().orElseThrow();

        // Inside the past booking's window the station's 3 kWh are the model's to plan, not demand; outside it they stay.
        assertThat(f2.load().at(booked).orElseThrow()).isEqualTo(7_000);
        assertThat(f2.load().at(booked.next().next().next().next().next().next().next()).orElseThrow()).isEqualTo(7_000);
        assertThat(f2.load().at(booked.previous()).orElseThrow()).isEqualTo(10_000);
        Slot afterWindow = booked;
        for (int k = 0; k < 8; k++) {
            afterWindow = afterWindow.next();
        }
        assertThat(f2.load().at(afterWindow).orElseThrow()).as("the window ends at departure").isEqualTo(10_000);
        // The cancelled booking's window keeps its charging as demand.
        assertThat(f2.load().at(afterWindow.next().next().next().next()).orElseThrow()).isEqualTo(10_000);

        assertThat(f2.evs()).extracting(EvBooking::id, EvBooking::pluggedFrom, EvBooking::departure, e -> e.needed().wattHours(),
                        e -> e.room().wattHours())
                .containsExactlyInAnyOrder(
                        // plugged now: 30 kWh less the 20 kWh its 50 % holds, until the slot its departure falls in (3 h = 6
                        // slots); room for the other 20 kWh of its 40
                        org.assertj.core.groups.Tuple.tuple("demo-020/ev-1", 0, 6, 10_000L, 20_000L),
                        // back in 2 h (slot 4) and away 4 h later: 32 kWh less half its battery, assumed on arrival
                        org.assertj.core.groups.Tuple.tuple("demo-020/ev-2", 4, 12, 12_000L, 20_000L),
                        // back at +4 h 10 min (inside slot 8): from slot 9 to its departure at +8 h (slot 16)
                        org.assertj.core.groups.Tuple.tuple("demo-020/ev-1", 9, 16, 5_000L, 20_000L));
        assertThat(f2.uncontrolled()).doesNotContainKeys("demo-020/ev-1", "demo-020/ev-2");
    }
}
