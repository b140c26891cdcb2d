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
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(TestInfrastructure.freshDatabase());
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").javaMigrations(new TimescaleDbMigration()).load().migrate();
        Slot current = Slot.containing(Instant.now());
        Instant now = current.start().plusSeconds(120);
        new RegistryStore(ds).importRegion(BundledRegions.scenario("demo").region(), now.minus(Duration.ofDays(3)));
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

        assertThat(heldBack(inputs, "f1")).isEqualTo(new HeldBack(Energy.ZERO, true));
        assertThat(heldBack(inputs, "f2")).isEqualTo(HeldBack.NONE);
    }

    private static HeldBack heldBack(BankInputs inputs, String feeder) {
        return inputs.feeders().stream().filter(f -> f.id().equals(FeederId.of(feeder))).findFirst().orElseThrow().heldBackLastSlot();
    }
}
