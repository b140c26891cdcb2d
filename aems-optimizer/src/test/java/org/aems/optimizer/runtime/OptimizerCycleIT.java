package org.aems.optimizer.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.aems.core.alert.Alert;
import org.aems.core.alert.AlertKind;
import org.aems.core.alert.AlertSink;
import org.aems.core.grid.BankId;
import org.aems.core.time.Slot;
import org.aems.core.unit.Energy;
import org.aems.ingest.registry.RegistryStore;
import org.aems.ingest.store.TimescaleDbMigration;
import org.aems.optimizer.dispatch.CommandStatus;
import org.aems.optimizer.dispatch.CommandStore;
import org.aems.optimizer.dispatch.DispatchSettings;
import org.aems.optimizer.dispatch.DispatchedCommand;
import org.aems.optimizer.dispatch.Dispatcher;
import org.aems.optimizer.forecast.ClearSky;
import org.aems.optimizer.forecast.ClearSkyPvForecaster;
import org.aems.optimizer.forecast.ProfileForecaster;
import org.aems.optimizer.island.IslandRound;
import org.aems.optimizer.island.IslandStore;
import org.aems.optimizer.jobs.JobQueue;
import org.aems.optimizer.model.AggregatingSolver;
import org.aems.optimizer.model.BankSolver;
import org.aems.optimizer.model.BaselinePlanner;
import org.aems.optimizer.model.Penalties;
import org.aems.optimizer.model.Planner;
import org.aems.optimizer.plan.PlanStore;
import org.aems.optimizer.plan.StoredPlan;
import org.aems.optimizer.regional.RegionalShare;
import org.aems.simulators.BundledRegions;
import org.aems.simulators.Simulation;
import org.aems.simulators.SimulationSettings;
import org.aems.simulators.fault.FaultRates;
import org.aems.simulators.site.PhysicsOptions;
import org.aems.simulators.weather.Sky;
import org.aems.testing.TestInfrastructure;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A planning round on the demo region: registry and feeder history in PostgreSQL, batteries reporting their
 * state of charge, real simulated gateways answering the setpoints over the real broker. #5
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OptimizerCycleIT {

    private static final BankId BANK = BankId.of("odw-east-b1");
    private static final List<AlertKind> raised = new ArrayList<>();
    private static DataSource dataSource;
    private static JdbcClient jdbc;
    private static Simulation simulation;
    private static Dispatcher dispatcher;
    private static ExecutorService pool;
    private static OptimizerCycle cycle;
    private static IslandStore islands;

    @BeforeAll
    static void start() throws Exception {
        // A small pool, as the application has one: a round that kept a connection (an unclosed JdbcClient stream did,
        // two a round) runs the pool dry within a few rounds and the later tests fail waiting for one.
        com.zaxxer.hikari.HikariConfig config = new com.zaxxer.hikari.HikariConfig();
        config.setJdbcUrl(TestInfrastructure.freshDatabase());
        config.setMaximumPoolSize(4);
        config.setConnectionTimeout(3_000);
        config.setPoolName("optimizer-cycle-it");
        com.zaxxer.hikari.HikariDataSource ds = new com.zaxxer.hikari.HikariDataSource(config);
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").javaMigrations(new TimescaleDbMigration()).load().migrate();
        dataSource = ds;
        jdbc = JdbcClient.create(ds);
        Instant now = Instant.now();
        new RegistryStore(ds).importRegion(BundledRegions.scenario("demo").region(), now);
        writeFeederHistory(Slot.containing(now), 7);
        // Every battery but demo-007's reports its state of charge; demo-002 refused a command an hour ago.
        jdbc.sql("""
                        INSERT INTO telemetry_reading (site_id, device_id, quantity, ts, value, message_id, received_at)
                        SELECT site_id, device_id, 'battery.soc', ?, 50, 'it', ? FROM asset WHERE kind = 'BATTERY' AND site_id <> 'demo-007'""")
                .params(Timestamp.from(now.minusSeconds(60)), Timestamp.from(now)).update();
        jdbc.sql("""
                        INSERT INTO dispatch_command (command_id, site_id, device_id, action, setpoint_w, valid_from, valid_until, issued_at,
                                                      issued_by, status, reason)
                        VALUES ('old-1', 'demo-002', 'bat-1', 'SET_POWER', 9000, ?, ?, ?, 'optimizer', 'REJECTED', 'above rating')""")
                .params(Timestamp.from(now.minusSeconds(3600)), Timestamp.from(now.minusSeconds(1800)), Timestamp.from(now.minusSeconds(3600)))
                .update();

        String url = TestInfrastructure.mqttUrl();
        simulation = new Simulation(BundledRegions.scenario("demo"), new SimulationSettings(url, 0, Duration.ofSeconds(2), 1, now, 7, 0,
                FaultRates.NONE, Optional.empty(), Optional.of(Sky.CLEAR), Optional.empty(), PhysicsOptions.DEFAULT, Optional.empty()), Clock.systemUTC());
        simulation.start();
        CommandStore commands = new CommandStore(ds);
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        dispatcher = new Dispatcher(commands, new DispatchSettings(url, "cycle-it-" + System.nanoTime(), null, null, "",
                Duration.ofSeconds(10), Duration.ofMillis(300), null), metrics, Clock.systemUTC());
        dispatcher.start();
        await().atMost(Duration.ofSeconds(15)).until(dispatcher::connected);
        AlertSink alerts = new AlertSink() {
            @Override
            public void raise(Alert alert) {
                raised.add(alert.kind());
            }

            @Override
            public void resolve(AlertKind kind, String subject, Instant at) {
            }
        };
        OptimizerSettings settings = new OptimizerSettings(true, 2, null, Duration.ofSeconds(20), null, 7, null, null, true, null, null);
        AggregatingSolver solver = new AggregatingSolver(new BankSolver("GLOP", settings.solveTimeLimit()));
        islands = new IslandStore(ds);
        pool = Executors.newFixedThreadPool(2);
        cycle = new OptimizerCycle(new BankInputsQuery(ds, settings.socMaxAge(), settings.historyDays()),
                new ProblemBuilder(new ProfileForecaster(), new ClearSkyPvForecaster(), TimeOfDayPrices.DEFAULT, Penalties.DEFAULT),
                new Planner(p -> solver.solve(p).map(AggregatingSolver.Result::plan), new BaselinePlanner(), alerts, Clock.systemUTC()),
                new PlanStore(ds), new JobQueue(ds, "cycle-it", settings.lease()), commands, Optional.of(dispatcher), alerts, settings, pool,
                metrics, Clock.systemUTC(), islands, new IslandRound(ds, islands), ClearSky.ODAWARA);
    }

    @AfterAll
    static void stop() {
        if (dispatcher != null) {
            dispatcher.close();
        }
        if (simulation != null) {
            simulation.close();
        }
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    @Test
    @Order(1)
    void aRoundPlansTheBankToTheEndOfTomorrowStoresItAndTheGatewaysAcceptItsSetpoints() {
        OptimizerCycle.Round round = cycle.run();

        assertThat(round.planned()).isEqualTo(2); // the demo's two banks
        assertThat(round.failed()).isZero();
        assertThat(raised).isEmpty();
        StoredPlan plan = new PlanStore(dataSource).latest(BANK).orElseThrow();
        Slot first = round.slot();
        int horizon = (int) first.until(Slot.of(first.date().plusDays(1), 48)) + 1;
        assertThat(plan.firstSlot()).isEqualTo(first.start());
        assertThat(plan.slotCount()).isEqualTo(horizon);
        assertThat(plan.source()).isEqualTo("OPTIMAL");
        // The bank total and each of its feeders, every slot.
        long feeders = jdbc.sql("SELECT count(*) FROM feeder WHERE bank_id = ?").param(BANK.value()).query(Long.class).single();
        assertThat(plan.slots()).hasSize((int) (feeders + 1) * horizon);
        assertThat(jdbc.sql("SELECT status || ':' || plan_id FROM optimizer_job WHERE bank_id = ?").param(BANK.value())
                .query(String.class).single()).isEqualTo("DONE:" + plan.id());

        List<DispatchedCommand> sent = new CommandStore(dataSource).page(Optional.empty(), Optional.empty(), 0, 100).stream()
                .filter(c -> c.issuedBy().equals("optimizer") && !c.command().commandId().equals("old-1")).toList();
        long expected = jdbc.sql("SELECT count(*) FROM asset WHERE kind = 'BATTERY' AND curtailable AND site_id NOT IN ('demo-002', 'demo-007')")
                .query(Long.class).single();
        // Every dispatchable battery but demo-002's (it refused lately) and demo-007's (no state of charge).
        assertThat(expected).isGreaterThan(5);
        assertThat(sent).hasSize((int) expected);
        assertThat(sent).extracting(c -> c.command().siteId().value()).doesNotContain("demo-002", "demo-007");
        assertThat(sent).allSatisfy(c -> {
            assertThat(c.command().validFrom()).isEqualTo(first.start());
            // Valid into the next slot, so the device holds it until the next round's command replaces it.
            assertThat(c.command().validUntil()).isEqualTo(first.end().plus(Duration.ofMinutes(5)));
            assertThat(c.bank().orElseThrow()).isIn("odw-east-b1", "odw-east-b2");
        });
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(new CommandStore(dataSource)
                .page(Optional.empty(), Optional.of(CommandStatus.ACCEPTED), 0, 100)).hasSize(sent.size()));
    }

    @Test
    @Order(3)
    void twoWorkersShareTheQueueAndEachBankIsClaimedOnce() throws Exception {
        Slot slot = Slot.containing(Instant.now()).next();
        List<BankId> banks = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            banks.add(BankId.of("bank-q-" + i));
        }
        JobQueue a = new JobQueue(dataSource, "worker-a", Duration.ofMinutes(5));
        JobQueue b = new JobQueue(dataSource, "worker-b", Duration.ofMinutes(5));
        assertThat(a.enqueue(banks, slot, Instant.now())).isEqualTo(40);
        assertThat(b.enqueue(banks, slot, Instant.now())).isZero();

        List<String> claimedByA = new ArrayList<>();
        List<String> claimedByB = new ArrayList<>();
        Thread ta = new Thread(() -> claimAll(a, claimedByA));
        Thread tb = new Thread(() -> claimAll(b, claimedByB));
        ta.start();
        tb.start();
        ta.join();
        tb.join();

        assertThat(claimedByA.size() + claimedByB.size()).isEqualTo(40);
        List<String> all = new ArrayList<>(claimedByA);
        all.addAll(claimedByB);
        assertThat(all).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(banks.stream().map(BankId::value).toList());
        assertThat(claimedByA).isNotEmpty();
        assertThat(claimedByB).isNotEmpty();
    }

    @Test
    @Order(4)
    void slotsPastGateClosureKeepTheNewestPlanMadeBeforeTheirGateClosed() {
        Slot s0 = Slot.parse("2026-05-12#25"); // 12:00 JST
        Instant now = s0.start().plus(Duration.ofMinutes(10));
        long early = version("gate-bank", s0.start().minus(Duration.ofHours(3)));
        long late = version("gate-bank", s0.start().minus(Duration.ofMinutes(45)));
        for (int t = 0; t < 4; t++) {
            planSlot(early, s0.plus(t), 100L * (t + 1));
            planSlot(late, s0.plus(t), 111L * (t + 1));
        }
        List<Slot> horizon = List.of(s0, s0.plus(1), s0.plus(2), s0.plus(3));

        // 12:00's gate closed at 11:00, before the late version; 12:30's and 13:00's after it; 13:30's is still open.
        assertThat(new PlanStore(dataSource).inForce(BankId.of("gate-bank"), horizon, now))
                .extracting(org.aems.core.unit.Energy::wattHours).containsExactly(100L, 222L, 333L);
        assertThat(new PlanStore(dataSource).inForce(BankId.of("no-plans"), horizon, now)).isEmpty();
    }

    @Test
    @Order(5)
    void theRegionalStepReadsWhatOtherBanksCouldNotHoldAndTheBankTakesItsShareWithinItsStorage() {
        Slot s0 = Slot.parse("2026-05-13#25"); // 12:00 JST; at 12:10 the gates of 12:00, 12:30 and 13:00 have closed
        Instant now = s0.start().plus(Duration.ofMinutes(10));
        // rs-c (no storage) planned 100 kWh at each slot before the gates closed; its newest plan, made at 12:05, expects
        // 140 kWh at 12:00 and 100 at 12:30: 40 kWh forced at 12:00. rs-b (20 kW) was asked for −8 kWh at 12:30 and its
        // newest plan manages −5: +3 kWh forced. 13:00 has no plan in force of either.
        long cEarly = version("rs-c", s0.start().minus(Duration.ofHours(3)));
        long cNewest = version("rs-c", s0.start().plus(Duration.ofMinutes(5)), 0);
        long bEarly = version("rs-b", s0.start().minus(Duration.ofHours(3)));
        long bNewest = version("rs-b", s0.start().plus(Duration.ofMinutes(5)), 20_000);
        for (int t = 0; t < 2; t++) {
            planSlot(cEarly, s0.plus(t), 100_000);
            planSlot(bEarly, s0.plus(t), 50_000);
        }
        planSlot(cNewest, s0, 140_000, 0);
        planSlot(cNewest, s0.plus(1), 100_000, 0);
        planSlot(bNewest, s0, 50_000, 0);
        planSlot(bNewest, s0.plus(1), 45_000, -8_000);
        long later = version("rs-b", s0.start().plus(Duration.ofMinutes(20)), 99_000); // made after now: not seen
        planSlot(later, s0, 0, 0);
        List<Slot> gated = List.of(s0, s0.plus(1), s0.plus(2));

        List<RegionalShare.OtherBank> others = new PlanStore(dataSource).otherBanks(
                List.of(BankId.of("rs-b"), BankId.of("rs-c"), BankId.of("rs-none")), gated, now);
        assertThat(others).extracting(RegionalShare.OtherBank::id).containsExactly(BankId.of("rs-b"), BankId.of("rs-c"));
        assertThat(others.get(0).storageWatts()).isEqualTo(20_000);
        assertThat(others.get(0).slots()).containsOnlyKeys(s0, s0.plus(1));
        assertThat(others.get(0).slots().get(s0.plus(1)).forcedWh()).isEqualTo(3_000);
        assertThat(others.get(1).slots().get(s0).forcedWh()).isEqualTo(40_000);
        // A bank with 60 kW: rs-c's 40 kWh is shared with rs-b 60:20 → −30 kWh, capped at 30 kWh (60 kW × ½ h); rs-b's
        // 3 kWh is shared with rs-c (no storage) → all of it: −3 kWh.
        List<Energy> shifts = RegionalShare.shifts(60_000, gated, others);
        assertThat(shifts).extracting(Energy::wattHours).containsExactly(-30_000L, -3_000L, 0L);

        // The rounds above stored each demo bank's weight with its plan: what the other bank's next round reads.
        long stored = jdbc.sql("SELECT storage_w FROM plan_version WHERE bank_id = ? ORDER BY id DESC LIMIT 1").param(BANK.value())
                .query(Long.class).single();
        assertThat(stored).as("the controllable batteries' power of " + BANK).isGreaterThan(0);
        assertThat(new PlanStore(dataSource).otherBanks(List.of(BANK), List.of(Slot.containing(Instant.now())), Instant.now()))
                .extracting(RegionalShare.OtherBank::storageWatts).containsExactly(stored);
    }

    private static long version(String bank, Instant createdAt, long storageWatts) {
        long id = version(bank, createdAt);
        jdbc.sql("UPDATE plan_version SET storage_w = ? WHERE id = ?").params(storageWatts, id).update();
        return id;
    }

    private static void planSlot(long plan, Slot slot, long netWh, long shiftWh) {
        jdbc.sql("INSERT INTO plan_slot (plan_id, feeder_id, slot_start, net_wh, storage_wh, ev_wh, curtailed_wh, target_shift_wh)"
                + " VALUES (?, '', ?, ?, 0, 0, 0, ?)").params(plan, Timestamp.from(slot.start()), netWh, shiftWh).update();
    }

    private static long version(String bank, Instant createdAt) {
        return jdbc.sql("""
                        INSERT INTO plan_version (bank_id, first_slot, slot_count, source, objective_yen, solve_ms, breaches, limit_events,
                                                  created_at, created_by)
                        VALUES (?, ?, 4, 'OPTIMAL', 0, 1, 0, '[]', ?, 'it') RETURNING id""")
                .params(bank, Timestamp.from(createdAt), Timestamp.from(createdAt)).query(Long.class).single();
    }

    private static void planSlot(long plan, Slot slot, long netWh) {
        jdbc.sql("INSERT INTO plan_slot VALUES (?, '', ?, ?, 0, 0, 0)").params(plan, Timestamp.from(slot.start()), netWh).update();
    }

    @Test
    @Order(2)
    void anIslandedFeederRunsItsShelterOnItsOwnBatteryAndTheRestOfTheBankIsPlannedWithoutIt() {
        jdbc.sql("DELETE FROM optimizer_job").update(); // a second round in the same slot
        islands.declare(org.aems.core.grid.FeederId.of("f1"), "operator-a", "typhoon: substation breaker open", Instant.now());
        try {
            OptimizerCycle.Round round = cycle.run();

            assertThat(round.failed()).isZero();
            org.aems.optimizer.island.Island island = islands.open(org.aems.core.grid.FeederId.of("f1")).orElseThrow();
            JsonNode report = new tools.jackson.databind.json.JsonMapper().readTree(island.reportJson().orElseThrow());
            assertThat(report.get("islandable").asBoolean()).isTrue();
            assertThat(report.get("gridForming").asString()).isEqualTo("demo-005/bat-1");
            assertThat(report.get("criticalSites").get(0).asString()).isEqualTo("demo-005");
            assertThat(report.get("autonomyHours").asDouble()).isGreaterThan(0);
            assertThat(report.get("slots").get(0).get("otherNeededKwh").asDouble()).isGreaterThan(0);
            // The island's own commands: battery setpoints and PV held to the load, accepted by the gateways.
            List<DispatchedCommand> island1 = new CommandStore(dataSource).page(Optional.of(org.aems.core.grid.SiteId.of("demo-005")),
                    Optional.empty(), 0, 100).stream().filter(c -> c.command().commandId().startsWith("isl-")).toList();
            assertThat(island1).extracting(c -> c.command().action().name()).contains("SET_POWER", "LIMIT_PV");
            // The bank's plan no longer contains the islanded feeder.
            StoredPlan plan = new PlanStore(dataSource).latest(BANK).orElseThrow();
            assertThat(plan.slots()).extracting(StoredPlan.PlanSlot::feeder).doesNotContain("f1");
        } finally {
            islands.end(org.aems.core.grid.FeederId.of("f1"), "operator-a", Instant.now());
        }
    }

    @Test
    @Order(5)
    void aPluggedSharedCarWithABookingIsChargedToBeReadyByItsDeparture() {
        jdbc.sql("DELETE FROM optimizer_job").update(); // another round in the same slot
        Instant now = Instant.now();
        // Booked: leaves in 3 h needing 30 kWh of its 40 kWh; it holds 25 % = 10 kWh. 20 kWh is more than 6 kW
        // can give in the slots before departure (6 x 3 kWh x 0.92), so it charges at full power from now.
        new org.aems.optimizer.ev.BookingStore(dataSource).put(new org.aems.optimizer.ev.Booking("bk-1", org.aems.core.grid.SiteId.of("demo-020"),
                org.aems.core.grid.DeviceId.of("ev-1"), now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(3)),
                org.aems.core.unit.Energy.ofKilowattHours(30), org.aems.core.unit.Energy.ofKilowattHours(40), false), now);
        jdbc.sql("""
                        INSERT INTO telemetry_reading (site_id, device_id, quantity, ts, value, message_id, received_at)
                        VALUES ('demo-020', 'ev-1', 'ev.plugged', ?, 1, 'it-ev', ?), ('demo-020', 'ev-1', 'ev.soc', ?, 25, 'it-ev', ?)
                        ON CONFLICT DO NOTHING""")
                .params(Timestamp.from(now.minusSeconds(60)), Timestamp.from(now), Timestamp.from(now.minusSeconds(60)), Timestamp.from(now))
                .update();

        assertThat(cycle.run().failed()).isZero();

        List<DispatchedCommand> ev = new CommandStore(dataSource).page(Optional.of(org.aems.core.grid.SiteId.of("demo-020")), Optional.empty(), 0, 100)
                .stream().filter(c -> c.command().device().value().equals("ev-1")).toList();
        assertThat(ev).isNotEmpty();
        assertThat(ev.get(0).command().action().name()).isEqualTo("SET_POWER");
        assertThat(ev.get(0).command().setpointWatts()).isEqualByComparingTo("6000");
        // The other charger has no booking: left to charge on plug-in, no command.
        assertThat(new CommandStore(dataSource).page(Optional.of(org.aems.core.grid.SiteId.of("demo-020")), Optional.empty(), 0, 100))
                .noneMatch(c -> c.command().device().value().equals("ev-2"));
    }

    @Test
    @Order(6)
    void aFeederWithoutADayOfHistoryIsNotPlannedAndSaysWhyOnceNotThreeTimes() {
        jdbc.sql("DELETE FROM optimizer_job").update();
        jdbc.sql("DELETE FROM feeder_interval WHERE feeder_id = 'f3'").update(); // the demo's second bank, as on a first start
        raised.clear();

        OptimizerCycle.Round round = cycle.run();

        assertThat(round.failed()).isEqualTo(1);
        assertThat(round.planned()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT status || ' ' || attempts || ' ' || error FROM optimizer_job WHERE bank_id = 'odw-east-b2'").query(String.class)
                .single()).startsWith("FAILED 1 feeder f3 has 0 slots of interval history before").contains("needs at least a day (48)");
        assertThat(raised).containsExactly(AlertKind.OPTIMIZER_FALLBACK);
    }

    @Test
    @Order(7)
    void anOutputCurtailmentOrderHoldsEveryCurtailableInverterOfTheFeederToItsShare() {
        jdbc.sql("DELETE FROM optimizer_job").update();
        jdbc.sql("DELETE FROM dispatch_command WHERE action = 'LIMIT_PV'").update();
        Instant now = Instant.now();
        new org.aems.optimizer.grid.CurtailmentOrderStore(dataSource).put(new org.aems.optimizer.grid.CurtailmentOrder("order-1",
                "TEPCO PG", Optional.of(org.aems.core.grid.FeederId.of("f1")), now.minus(Duration.ofMinutes(5)), now.plus(Duration.ofHours(1)),
                0.0, false), now);

        cycle.run(); // odw-east-b2 still lacks history (the test before): only f1's bank matters here
        assertThat(jdbc.sql("SELECT status FROM optimizer_job WHERE bank_id = ?").param(BANK.value()).query(String.class).single()).isEqualTo("DONE");

        List<DispatchedCommand> limits = new CommandStore(dataSource).page(Optional.empty(), Optional.empty(), 0, 500).stream()
                .filter(c -> c.command().action().name().equals("LIMIT_PV")).toList();
        long curtailableOnF1 = jdbc.sql("""
                        SELECT count(*) FROM asset a JOIN site s ON s.id = a.site_id
                        WHERE s.feeder_id = 'f1' AND a.kind = 'PV' AND a.curtailable AND s.id <> 'demo-002'""") // demo-002 refused lately
                .query(Long.class).single();
        assertThat(limits).hasSize((int) curtailableOnF1);
        assertThat(limits).allSatisfy(c -> assertThat(c.command().setpointWatts()).isEqualByComparingTo("0"));
        // PV on other feeders is not ordered: no limit there.
        assertThat(limits).extracting(c -> c.command().siteId().value())
                .doesNotContainAnyElementsOf(jdbc.sql("SELECT s.id FROM site s WHERE s.feeder_id <> 'f1'").query(String.class).list());
    }

    /** Claims until the queue is empty, like a worker that solves each bank in ~5 ms (and never finishes: the lease holds them). */
    private static void claimAll(JobQueue queue, List<String> claimed) {
        Optional<org.aems.optimizer.jobs.BankJob> job;
        while ((job = queue.claim(Instant.now())).isPresent()) {
            claimed.add(job.get().bank().value());
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Sunny demo days: evening peak, midday PV, one row per feeder and slot like the rollup writes. */
    private static void writeFeederHistory(Slot now, int days) {
        List<Object[]> rows = new ArrayList<>();
        for (String feeder : List.of("f1", "f2", "f3")) {
            for (Slot s = Slot.of(now.date().minusDays(days), 1); s.compareTo(now) < 0; s = s.next()) {
                double hour = (s.index() - 0.5) / 2;
                double load = 20_000 + 15_000 * Math.exp(-Math.pow(hour - 19, 2) / 6);
                double pv = 40_000 * Math.max(0, Math.cos((hour - 12) / 7 * Math.PI / 2));
                long net = Math.round(load - pv);
                rows.add(new Object[] {feeder, Timestamp.from(s.start()), java.sql.Date.valueOf(s.date()), s.index(), Math.max(0, net),
                        Math.max(0, -net), net, Math.round(pv), Timestamp.from(Instant.now())});
            }
        }
        new org.springframework.jdbc.core.JdbcTemplate(dataSource).batchUpdate("""
                INSERT INTO feeder_interval (feeder_id, slot_start, slot_date, slot_index, import_wh, export_wh, net_import_wh, pv_wh,
                                             site_count, sites_reporting, computed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 20, 20, ?)""", rows);
    }
}
