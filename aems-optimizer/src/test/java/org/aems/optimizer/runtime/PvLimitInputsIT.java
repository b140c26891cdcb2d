package org.aems.optimizer.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.aems.core.grid.BankId;
import org.aems.core.grid.FeederId;
import org.aems.core.time.Slot;
import org.aems.core.unit.Energy;
import org.aems.ingest.registry.RegistryStore;
import org.aems.ingest.store.TimescaleDbMigration;
import org.aems.simulators.BundledRegions;
import org.aems.testing.TestInfrastructure;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A round learns from dispatch_command which feeders' PV our limits held in the slot just measured, so its nowcast
 * takes that slot's PV as a lower bound, not as clouds (ADR 0026). The demo region: f1 and f2 on bank odw-east-b1.
 */
class PvLimitInputsIT {

    @Test
    void aFeederWhosePvOurAcceptedLimitsHeldLastSlotIsMarkedCappedAndOneWhoseLimitWasRefusedIsNot() {
        PGSimpleDataSource ds = demoRegion();
        Slot current = Slot.containing(Instant.now());
        Instant now = current.start().plusSeconds(120);
        Slot last = current.previous();
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        String insert = """
                INSERT INTO dispatch_command (command_id, site_id, device_id, action, setpoint_w, valid_from, valid_until, issued_at, issued_by,
                                              bank_id, status)
                VALUES (?, ?, 'pv-1', 'LIMIT_PV', 2000, ?, ?, ?, 'optimizer', 'odw-east-b1', ?)""";
        Timestamp from = Timestamp.from(last.start());
        Timestamp until = Timestamp.from(last.end().plus(Duration.ofMinutes(5)));
        jdbc.update(insert, "guard-f1", "demo-001", from, until, from, "ACCEPTED");
        jdbc.update(insert, "guard-f2", "demo-020", from, until, from, "REJECTED");
        // A limit for the slot under way says nothing about the slot measured.
        jdbc.update(insert, "guard-f2-now", "demo-020", Timestamp.from(current.start()), Timestamp.from(current.end()), from, "ACCEPTED");

        BankInputs inputs = new BankInputsQuery(ds, Duration.ofMinutes(15), 7).load(BankId.of("odw-east-b1"), List.of(current, current.next()),
                now, Set.of());

        assertThat(heldBack(inputs, "f1")).isEqualTo(new HeldBack(true));
        assertThat(heldBack(inputs, "f2")).isEqualTo(HeldBack.NONE);
    }

    @Test
    void thePvHistoryHasWhatTheDispatchedPlansCurtailedAddedBackAndTheDemandDoesNot() {
        PGSimpleDataSource ds = demoRegion();
        Slot current = Slot.containing(Instant.now());
        Instant now = current.start().plusSeconds(120);
        Slot last = current.previous();
        Slot guarded = last.previous();
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        // f1 measured 10 kWh of PV in the last slot and 8 kWh in the one before; 5 kWh net export in both.
        for (Slot slot : List.of(last, guarded)) {
            jdbc.update("""
                    INSERT INTO feeder_interval (feeder_id, slot_start, slot_date, slot_index, net_import_wh, pv_wh, site_count, sites_reporting,
                                                 computed_at)
                    VALUES ('f1', ?, ?, ?, -5000, ?, 20, 20, ?)""", Timestamp.from(slot.start()), java.sql.Date.valueOf(slot.date()),
                    slot.index(), slot.equals(last) ? 10_000 : 8_000, Timestamp.from(now));
        }
        // The round during the last slot curtailed 3 kWh on f1 (an earlier attempt of the same round planned 1 kWh); the
        // slot before had only an export guard: what it held back is unknown, the measurement stays.
        plan(jdbc, last, last.start().plusSeconds(30), 1_000);
        plan(jdbc, last, last.start().plusSeconds(60), 3_000);
        jdbc.update("""
                INSERT INTO dispatch_command (command_id, site_id, device_id, action, setpoint_w, valid_from, valid_until, issued_at, issued_by,
                                              bank_id, status)
                VALUES ('guard-f1', 'demo-001', 'pv-1', 'LIMIT_PV', 2000, ?, ?, ?, 'optimizer', 'odw-east-b1', 'ACCEPTED')""",
                Timestamp.from(guarded.start()), Timestamp.from(guarded.end()), Timestamp.from(guarded.start()));

        BankInputs.FeederInputs f1 = new BankInputsQuery(ds, Duration.ofMinutes(15), 7)
                .load(BankId.of("odw-east-b1"), List.of(current, current.next()), now, Set.of()).feeders().stream()
                .filter(f -> f.id().equals(FeederId.of("f1"))).findFirst().orElseThrow();

        assertThat(f1.pv().at(last)).hasValue(13_000);
        assertThat(f1.pv().at(guarded)).hasValue(8_000);
        assertThat(f1.load().at(last)).as("what the sites used: net import plus the PV they made").hasValue(5_000);
        assertThat(f1.heldBackLastSlot()).as("the plan's curtailment is known: no unmeasured cap").isEqualTo(HeldBack.NONE);
    }

    /** A fresh database with the demo region registered three days ago. */
    private static PGSimpleDataSource demoRegion() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(TestInfrastructure.freshDatabase());
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").javaMigrations(new TimescaleDbMigration()).load().migrate();
        new RegistryStore(ds).importRegion(BundledRegions.scenario("demo").region(), Instant.now().minus(Duration.ofDays(3)));
        return ds;
    }

    /** A plan version for bank odw-east-b1 made during {@code slot}, curtailing {@code curtailedWh} on f1 there. */
    private static void plan(JdbcTemplate jdbc, Slot slot, Instant createdAt, long curtailedWh) {
        Long id = jdbc.queryForObject("""
                INSERT INTO plan_version (bank_id, first_slot, slot_count, source, objective_yen, solve_ms, breaches, limit_events, created_at,
                                          created_by)
                VALUES ('odw-east-b1', ?, 1, 'OPTIMAL', 0, 1, 0, '[]', ?, 'test') RETURNING id""", Long.class,
                Timestamp.from(slot.start()), Timestamp.from(createdAt));
        jdbc.update("INSERT INTO plan_slot (plan_id, feeder_id, slot_start, net_wh, storage_wh, ev_wh, curtailed_wh) VALUES (?, 'f1', ?, -5000, 0, 0, ?)",
                id, Timestamp.from(slot.start()), curtailedWh);
    }

    private static HeldBack heldBack(BankInputs inputs, String feeder) {
        return inputs.feeders().stream().filter(f -> f.id().equals(FeederId.of(feeder))).findFirst().orElseThrow().heldBackLastSlot();
    }
}
