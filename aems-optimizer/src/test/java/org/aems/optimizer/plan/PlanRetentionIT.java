package org.aems.optimizer.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.aems.core.grid.BankId;
import org.aems.core.time.Jst;
import org.aems.core.time.Slot;
import org.aems.ingest.store.TimescaleDbMigration;
import org.aems.testing.TestInfrastructure;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Plan retention against real PostgreSQL: ten days of rounds for two banks, a purge at a 7-day age, and the
 * record's answers (balancing-group plan, plan in force, newest plan) compared before and after. #5 "Plans"
 */
class PlanRetentionIT {

    private static final LocalDate FIRST_DAY = LocalDate.of(2026, 6, 1);
    private static final int DAYS = 10;
    private static final List<String> BANKS = List.of("bank-a", "bank-b");

    private record Version(long id, String bank, Instant createdAt, List<Slot> slots) {
    }

    @Test
    void purgeKeepsTheDayAheadAndGateClosureSlotsAndTheBalancingPlanIsUnchanged() {
        DataSource dataSource = migratedDatabase();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        List<Version> versions = rounds(jdbc);
        Instant now = Slot.of(FIRST_DAY.plusDays(DAYS - 1), 47).start();
        Instant createdBefore = now.minus(Duration.ofDays(7));
        Set<String> needed = expectedNeeded(versions);
        Version superseded = versions.stream().filter(v -> v.slots().stream().noneMatch(s -> needed.contains(v.id() + "@" + s.start())))
                .findFirst().orElseThrow();
        Version recorded = versions.get(0);
        job(jdbc, "bank-a", Slot.containing(superseded.createdAt()), superseded.id());
        job(jdbc, "bank-x", Slot.containing(recorded.createdAt()), recorded.id());

        BalancingPlanQuery balancing = new BalancingPlanQuery(dataSource);
        PlanStore plans = new PlanStore(dataSource);
        Map<LocalDate, BalancingPlan> before = new HashMap<>();
        for (LocalDate day = FIRST_DAY; !day.isAfter(FIRST_DAY.plusDays(DAYS)); day = day.plusDays(1)) {
            before.put(day, balancing.day(day, slot -> BigDecimal.TEN));
        }
        Map<String, List<Long>> inForceBefore = inForceEverywhere(plans, now);
        Map<String, Long> latestBefore = latest(plans);
        long slotRowsBefore = count(jdbc, "plan_slot");

        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        PlanRetention retention = new PlanRetention(dataSource, new PlanRetentionSettings(true, Duration.ofDays(7), Duration.ofHours(1), 7,
                Duration.ofDays(30), null), metrics, Clock.fixed(now, ZoneOffset.UTC));
        PlanRetention.Purged purged = retention.purge();

        // Young versions whole; old ones with the rows of the slots they were the plan of record for, every feeder's.
        Set<String> expectedRows = new TreeSet<>();
        Set<Long> expectedVersions = new TreeSet<>();
        for (Version v : versions) {
            boolean old = v.createdAt().isBefore(createdBefore);
            for (Slot s : v.slots()) {
                if (!old || needed.contains(v.id() + "@" + s.start())) {
                    expectedRows.add(v.id() + "/" + s.start());
                    expectedRows.add(v.id() + "/f1/" + s.start());
                    expectedVersions.add(v.id());
                }
            }
        }
        assertThat(new TreeSet<>(jdbc.sql("SELECT plan_id || '/' || CASE WHEN feeder_id = '' THEN '' ELSE feeder_id || '/' END "
                        + "|| to_char(slot_start AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') FROM plan_slot").query(String.class).list()))
                .isEqualTo(expectedRows);
        assertThat(new TreeSet<>(jdbc.sql("SELECT id FROM plan_version").query(Long.class).list())).isEqualTo(expectedVersions);
        long oldVersions = versions.stream().filter(v -> v.createdAt().isBefore(createdBefore)).count();
        assertThat(purged.versionsTrimmed()).isEqualTo(oldVersions).isGreaterThan(200);
        assertThat(purged.versionsDeleted()).isEqualTo(versions.size() - expectedVersions.size()).isEqualTo(2);
        assertThat(purged.slotRowsDeleted()).isEqualTo(slotRowsBefore - count(jdbc, "plan_slot")).isGreaterThan(slotRowsBefore / 5);
        assertThat(metrics.counter("aems.optimizer.plans.purged", "table", "plan_version").count()).isEqualTo(purged.versionsDeleted());
        assertThat(metrics.counter("aems.optimizer.plans.purged", "table", "plan_slot").count()).isEqualTo(purged.slotRowsDeleted());

        for (LocalDate day = FIRST_DAY; !day.isAfter(FIRST_DAY.plusDays(DAYS)); day = day.plusDays(1)) {
            assertThat(balancing.day(day, slot -> BigDecimal.TEN)).as("balancing plan of %s", day).isEqualTo(before.get(day));
        }
        assertThat(before.get(FIRST_DAY.plusDays(1)).slots()).allSatisfy(row -> {
            assertThat(row.dayAhead()).isPresent();
            assertThat(row.inForce()).isPresent();
            assertThat(row.banksPlanned()).isEqualTo(2);
        });
        assertThat(inForceEverywhere(plans, now)).isEqualTo(inForceBefore);
        assertThat(latest(plans)).isEqualTo(latestBefore);
        // A job keeps its row when its plan is deleted; a kept plan's job keeps its reference.
        assertThat(jdbc.sql("SELECT plan_id IS NULL FROM optimizer_job WHERE bank_id = 'bank-a'").query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("SELECT plan_id FROM optimizer_job WHERE bank_id = 'bank-x'").query(Long.class).single()).isEqualTo(recorded.id());

        assertThat(purged.jobsDeleted()).as("jobs younger than 30 days stay").isZero();
        assertThat(retention.purge()).isEqualTo(new PlanRetention.Purged(0, 0, 0, 0, 0));

        // 31 days later the finished jobs of those slots go, and a job still queued there (a stuck queue) stays.
        jdbc.sql("INSERT INTO optimizer_job (bank_id, slot_start, status, enqueued_at) VALUES ('bank-q', ?, 'QUEUED', ?)")
                .params(Timestamp.from(FIRST_DAY.atStartOfDay(org.aems.core.time.Jst.ZONE).toInstant()), Timestamp.from(now)).update();
        // (Versions kept a year here: only the jobs are this check's business.)
        PlanRetention later = new PlanRetention(dataSource, new PlanRetentionSettings(true, Duration.ofDays(365), Duration.ofHours(1), 7,
                Duration.ofDays(30), null), metrics, Clock.fixed(now.plus(Duration.ofDays(31)), ZoneOffset.UTC));
        assertThat(later.purge().jobsDeleted()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT bank_id FROM optimizer_job").query(String.class).list()).containsExactly("bank-q");
        assertThat(metrics.counter("aems.optimizer.plans.purged", "table", "optimizer_job").count()).isEqualTo(2);
    }

    @Test
    void commandsIssuedBeforeTheirRetentionAreDeletedWhateverTheirAnswerAndTheRecentOnesStay() {
        DataSource dataSource = migratedDatabase();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        Instant now = Instant.parse("2027-07-01T03:00:00Z");
        command(jdbc, "old-accepted", now.minus(Duration.ofDays(396)), "ACCEPTED");
        command(jdbc, "old-refused", now.minus(Duration.ofDays(400)), "REJECTED");
        command(jdbc, "old-never-sent", now.minus(Duration.ofDays(500)), "PENDING");
        command(jdbc, "last-year-kept", now.minus(Duration.ofDays(394)), "ACCEPTED");
        command(jdbc, "today", now.minus(Duration.ofMinutes(5)), "SENT");
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();

        PlanRetention.Purged purged = new PlanRetention(dataSource, PlanRetentionSettings.DEFAULT, metrics, Clock.fixed(now, ZoneOffset.UTC)).purge();

        assertThat(purged.commandsDeleted()).isEqualTo(3);
        assertThat(jdbc.sql("SELECT command_id FROM dispatch_command ORDER BY issued_at").query(String.class).list())
                .containsExactly("last-year-kept", "today");
        assertThat(metrics.counter("aems.optimizer.plans.purged", "table", "dispatch_command").count()).isEqualTo(3);
    }

    @Test
    void aCommandRetentionShorterThanAWeekIsRefused() {
        assertThatThrownBy(() -> new PlanRetentionSettings(true, null, null, null, null, Duration.ofDays(3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("aems.optimizer.plan-retention.command-max-age must be at least 7 days (dashboards and the optimizer read"
                        + " recent commands and their answers), not PT72H");
    }

    @Test
    void aRetentionShorterThanAPlansHorizonIsRefused() {
        assertThatThrownBy(() -> new PlanRetentionSettings(true, Duration.ofDays(1), null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("aems.optimizer.plan-retention.max-age must be at least 2 days (a plan covers up to the end of tomorrow), not PT24H");
    }

    /**
     * One round per slot and bank, 60 s after the slot begins, each from the slot under way to the end of tomorrow;
     * bank-b misses 08:00–20:00 of the second day (older versions stay in force longer); on the first day bank-a
     * re-runs one round 5 minutes later (the first run is then never in force) and stores two versions at the same
     * instant once (the higher id wins).
     */
    private static List<Version> rounds(JdbcClient jdbc) {
        List<Version> versions = new ArrayList<>();
        for (int day = 0; day < DAYS; day++) {
            for (int index = 1; index <= Slot.SLOTS_PER_DAY; index++) {
                Slot first = Slot.of(FIRST_DAY.plusDays(day), index);
                Instant createdAt = first.start().plusSeconds(60);
                for (String bank : BANKS) {
                    if (bank.equals("bank-b") && day == 1 && index >= 17 && index < 41) {
                        continue;
                    }
                    versions.add(version(jdbc, bank, first, createdAt));
                    if (bank.equals("bank-a") && day == 0 && index == 21) {
                        versions.add(version(jdbc, bank, first, createdAt.plusSeconds(300)));
                    }
                    if (bank.equals("bank-a") && day == 0 && index == 25) {
                        versions.add(version(jdbc, bank, first, createdAt));
                    }
                }
            }
        }
        return versions;
    }

    private static Version version(JdbcClient jdbc, String bank, Slot first, Instant createdAt) {
        List<Slot> slots = new ArrayList<>();
        for (Slot s = first; !s.date().isAfter(first.date().plusDays(1)); s = s.next()) {
            slots.add(s);
        }
        long id = jdbc.sql("""
                        INSERT INTO plan_version (bank_id, first_slot, slot_count, source, objective_yen, solve_ms, breaches, limit_events,
                                                  created_at, created_by)
                        VALUES (?, ?, ?, 'OPTIMAL', 0, 1, 0, '[]', ?, 'it') RETURNING id""")
                .params(bank, Timestamp.from(first.start()), slots.size(), Timestamp.from(createdAt)).query(Long.class).single();
        List<Object[]> rows = new ArrayList<>();
        for (Slot s : slots) {
            long net = (id * 7_919 + s.index() * 131) % 20_000 - 10_000;
            rows.add(new Object[] {"", s.start(), net});
            rows.add(new Object[] {"f1", s.start(), net / 2});
        }
        jdbc.sql("""
                        INSERT INTO plan_slot (plan_id, feeder_id, slot_start, net_wh, storage_wh, ev_wh, curtailed_wh)
                        SELECT ?, f, t, n, 0, 0, 0 FROM unnest(CAST(? AS text[]), CAST(? AS timestamptz[]), CAST(? AS bigint[])) AS r(f, t, n)""")
                .params(id, rows.stream().map(r -> (String) r[0]).toArray(String[]::new),
                        rows.stream().map(r -> Timestamp.from((Instant) r[1])).toArray(Timestamp[]::new),
                        rows.stream().map(r -> (Long) r[2]).toArray(Long[]::new))
                .update();
        return new Version(id, bank, createdAt, slots);
    }

    /**
     * The rules, independently of the SQL: "version@slot start" for, per bank and slot, the newest version made by
     * the gate closure and the newest made by the day-ahead due time.
     */
    private static Set<String> expectedNeeded(List<Version> versions) {
        Set<String> needed = new HashSet<>();
        Comparator<Version> newest = Comparator.comparing(Version::createdAt).thenComparing(Version::id);
        Map<String, Map<Slot, List<Version>>> covering = new HashMap<>();
        for (Version v : versions) {
            for (Slot s : v.slots()) {
                covering.computeIfAbsent(v.bank(), b -> new HashMap<>()).computeIfAbsent(s, x -> new ArrayList<>()).add(v);
            }
        }
        covering.forEach((bank, bySlot) -> bySlot.forEach((slot, list) -> {
            Instant dayAheadDue = slot.date().minusDays(1).atTime(BalancingPlanQuery.DAY_AHEAD_DUE).atZone(Jst.ZONE).toInstant();
            for (Instant due : List.of(slot.gateClosure(), dayAheadDue)) {
                list.stream().filter(v -> !v.createdAt().isAfter(due)).max(newest).ifPresent(v -> needed.add(v.id() + "@" + slot.start()));
            }
        }));
        return needed;
    }

    private static Map<String, List<Long>> inForceEverywhere(PlanStore plans, Instant now) {
        Map<String, List<Long>> result = new HashMap<>();
        for (String bank : BANKS) {
            for (int day = 0; day < DAYS; day++) {
                List<Slot> slots = new ArrayList<>();
                for (int i = 1; i <= Slot.SLOTS_PER_DAY; i++) {
                    slots.add(Slot.of(FIRST_DAY.plusDays(day), i));
                }
                result.put(bank + "/" + day, plans.inForce(BankId.of(bank), slots, now).stream().map(e -> e.wattHours()).toList());
            }
        }
        return result;
    }

    private static Map<String, Long> latest(PlanStore plans) {
        Map<String, Long> result = new HashMap<>();
        BANKS.forEach(bank -> result.put(bank, plans.latest(BankId.of(bank)).map(StoredPlan::id).orElse(-1L)));
        return result;
    }

    private static void job(JdbcClient jdbc, String bank, Slot slot, long planId) {
        jdbc.sql("INSERT INTO optimizer_job (bank_id, slot_start, status, enqueued_at, plan_id) VALUES (?, ?, 'DONE', ?, ?)")
                .params(bank, Timestamp.from(slot.start()), Timestamp.from(slot.start()), planId).update();
    }

    private static void command(JdbcClient jdbc, String id, Instant issuedAt, String status) {
        jdbc.sql("""
                        INSERT INTO dispatch_command (command_id, site_id, device_id, action, setpoint_w, valid_from, valid_until, issued_at,
                                                      issued_by, status)
                        VALUES (?, 'site-1', 'pv-1', 'LIMIT_PV', 3000, ?, ?, ?, 'optimizer', ?)""")
                .params(id, Timestamp.from(issuedAt), Timestamp.from(issuedAt.plus(Duration.ofMinutes(35))), Timestamp.from(issuedAt), status)
                .update();
    }

    private static long count(JdbcClient jdbc, String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    /**
     * Pooled, as the application's: the fixture stores ~1,000 versions with two statements each, and a new PostgreSQL
     * backend per statement (18–30 ms here) made that most of this test's minute.
     */
    private static DataSource migratedDatabase() {
        com.zaxxer.hikari.HikariConfig pool = new com.zaxxer.hikari.HikariConfig();
        pool.setJdbcUrl(TestInfrastructure.freshDatabase());
        pool.setMaximumPoolSize(4);
        com.zaxxer.hikari.HikariDataSource ds = new com.zaxxer.hikari.HikariDataSource(pool);
        Runtime.getRuntime().addShutdownHook(new Thread(ds::close));
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").javaMigrations(new TimescaleDbMigration()).load().migrate();
        return ds;
    }
}
