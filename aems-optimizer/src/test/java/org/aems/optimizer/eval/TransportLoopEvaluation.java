package org.aems.optimizer.eval;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import org.aems.core.alert.AlertSink;
import org.aems.core.grid.Bank;
import org.aems.core.grid.BankId;
import org.aems.core.grid.Feeder;
import org.aems.core.grid.FeederId;
import org.aems.core.grid.SiteId;
import org.aems.core.time.Slot;
import org.aems.ingest.IngestHarness;
import org.aems.ingest.rollup.IntervalRollup;
import org.aems.ingest.rollup.RollupMetrics;
import org.aems.ingest.rollup.RollupSettings;
import org.aems.optimizer.dispatch.CommandStatus;
import org.aems.optimizer.dispatch.CommandStore;
import org.aems.optimizer.dispatch.DispatchSettings;
import org.aems.optimizer.dispatch.Dispatcher;
import org.aems.optimizer.ev.BookingStore;
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
import org.aems.optimizer.runtime.BankInputsQuery;
import org.aems.optimizer.runtime.IntradayCorrection;
import org.aems.optimizer.runtime.OptimizerCycle;
import org.aems.optimizer.runtime.OptimizerSettings;
import org.aems.optimizer.runtime.ProblemBuilder;
import org.aems.optimizer.runtime.TimeOfDayPrices;
import org.aems.simulators.BundledRegions;
import org.aems.simulators.Simulation;
import org.aems.simulators.SimulationSettings;
import org.aems.simulators.fault.FaultRates;
import org.aems.simulators.scenario.Scenario;
import org.aems.simulators.site.PhysicsOptions;
import org.aems.simulators.weather.Sky;
import org.aems.testing.MutableClock;
import org.aems.testing.MosquittoProcess;
import org.springframework.jdbc.core.simple.JdbcClient;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Issue #5's evaluation through the whole transport: simulated gateways publish over the real MQTT broker, the real
 * ingest pipeline validates and stores the readings in PostgreSQL, the rollup makes the 30-minute intervals, the
 * runtime's {@link OptimizerCycle} plans every bank from them and its {@link Dispatcher} sends the setpoints over MQTT,
 * and the gateways obey and acknowledge them. One clock for everything, moved slot by slot (lockstep): each slot's
 * round runs two minutes after the boundary, once every reading up to then is stored, as the runtime's schedule does.
 * Each policy plays from a fresh database (same seed, same weather) on its own Mosquitto; before each round the car-sharing
 * system's side ({@link BookingFeed}) sends the vehicles' trips as bookings. The KPIs come from the simulator's
 * ground-truth file, the plans in force from the plan tables. {@link ClosedLoopEvaluation} plays the same code in process for the
 * city and days at a time; this one shows the loop holds through the real transport. docs/benchmarks.md has the figures.
 */
@Command(name = "aems-evaluate-transport", mixinStandardHelpOptions = true,
        description = "Closed-loop evaluation through MQTT, ingest and PostgreSQL (the real transport), optimizer against baseline.")
public final class TransportLoopEvaluation implements Callable<Integer> {

    /** When a round runs after its slot begins: the runtime's schedule waits for the boundary readings too. */
    private static final Duration ROUND_DELAY = Duration.ofMinutes(2);
    private static final Duration WAIT = Duration.ofSeconds(180);
    /** How far ahead the car-sharing system tells the platform its bookings: beyond the end of tomorrow, the horizon. */
    private static final Duration BOOKING_HORIZON = Duration.ofHours(48);

    @Option(names = "--region", defaultValue = "demo", description = "bundled region or file (default: ${DEFAULT-VALUE})")
    String region;

    @Option(names = "--warmup-days", defaultValue = "7", description = "days played before each day, the forecasts' history; the "
            + "optimizer's rounds start on the last of them (default: ${DEFAULT-VALUE})")
    int warmupDays;

    @Option(names = "--policies", split = ",", defaultValue = "BASELINE,OPTIMIZER", description = "policies to play, comma-separated "
            + "(default: ${DEFAULT-VALUE}); the comparison needs both, one alone shows that policy's day through the transport")
    List<Policy> policies;

    @Mixin
    EvaluationOptions options;

    private TimeOfDayPrices prices;

    public static void main(String[] args) {
        System.exit(new CommandLine(new TransportLoopEvaluation()).execute(args));
    }

    enum Policy { BASELINE, OPTIMIZER }

    /** One policy's day: its KPIs, the commands the gateways answered, and its PV per slot (for curtailment). */
    record Played(List<SlotTruth> day, Map<BankId, List<Double>> inForce, long accepted, long refused, long messages, double[] pvWh,
                  int evDepartures, int evShort, long bookings, Duration wall) {
    }

    @Override
    public Integer call() throws Exception {
        Scenario scenario = BundledRegions.scenario(region);
        List<EvaluationOptions.Day> evaluated = options.daysOrExplain();
        if (evaluated.isEmpty()) {
            return 2;
        }
        if (warmupDays < 1) {
            System.err.println("--warmup-days must be at least 1: the forecasts need a day of history before the evaluated day");
            return 2;
        }
        prices = options.prices();
        List<FeederId> feeders = scenario.region().feeders().stream().map(Feeder::id).toList();
        List<Bank> banks = scenario.region().banks();
        System.out.println("| day | policy | 地産地消率 | 自給率 | breaches | breach kWh | curtailed kWh | imbalance kWh | imbalance yen "
                + "| energy yen | penalty yen | total yen | CO2 avoided t | telemetry messages | commands accepted/not | bookings "
                + "| EVs short / departures | wall s |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        boolean allBetter = true;
        for (EvaluationOptions.Day day : evaluated) {
            LocalDate date = day.date();
            Sky sky = day.sky();
            Map<Policy, Played> runs = new HashMap<>();
            for (Policy policy : policies) {
                // A broker per run, with the repository's queue settings: Mosquitto's default queue (1,000 messages) drops
                // QoS 1 messages for a subscriber that lags, as ingest does for seconds after each step of the city; and
                // a shared broker kept queueing for the persistent sessions of the runs before (ingest's, the dispatcher's).
                try (MosquittoProcess broker = MosquittoProcess.start()) {
                    runs.put(policy, play(scenario, date, sky, policy, feeders, broker.url()));
                }
            }
            // Curtailed = PV short of the baseline's (same seed and weather); unknown without the baseline's run.
            double[] basePv = runs.containsKey(Policy.BASELINE) ? runs.get(Policy.BASELINE).pvWh() : null;
            Map<Policy, Double> totals = new HashMap<>();
            for (Policy policy : policies) {
                Played p = runs.get(policy);
                double curtailed = 0;
                for (int t = 0; basePv != null && t < basePv.length; t++) {
                    curtailed += Math.max(0, basePv[t] - p.pvWh()[t]) / 1000;
                }
                DayKpis k = DayKpis.score(p.day(), feeders, banks, p.inForce(), prices, curtailed);
                totals.put(policy, k.totalYen());
                System.out.printf(Locale.ROOT, "| %s %s %s | %s | %.1f %% | %.1f %% | %d | %.1f | %.1f | %.0f | %.0f | %.0f | %.0f | %.0f | %.3f "
                                + "| %,d | %d/%d | %,d | %d / %d | %.0f |%n", date, date.getDayOfWeek().toString().substring(0, 3), sky, policy,
                        100 * k.localConsumption(), 100 * k.selfSufficiency(), k.breaches(), k.breachKwh(), k.curtailedKwh(), k.imbalanceKwh(),
                        k.imbalanceYen(), k.energyYen(), k.penaltyYen(), k.totalYen(), k.co2AvoidedT(), p.messages(), p.accepted(), p.refused(),
                        p.bookings(), p.evShort(), p.evDepartures(), p.wall().toMillis() / 1000.0);
            }
            if (totals.size() == Policy.values().length) {
                allBetter &= totals.get(Policy.OPTIMIZER) < totals.get(Policy.BASELINE);
            } else {
                System.out.println("(one policy played: no comparison; curtailed kWh needs the baseline's run, shown as 0)");
            }
        }
        return allBetter ? 0 : 1;
    }

    /** Plays the warm-up and the day for one policy from a fresh database; returns the day's truth and plans in force. */
    private Played play(Scenario scenario, LocalDate date, Sky sky, Policy policy, List<FeederId> feeders, String broker) throws Exception {
        long started = System.nanoTime();
        Slot first = Slot.of(date.minusDays(warmupDays), 1);
        Slot roundsFrom = Slot.of(date.minusDays(1), 1);
        Slot end = Slot.of(date.plusDays(1), 1);
        MutableClock clock = new MutableClock(first.start());
        Path truthDir = Files.createTempDirectory("aems-transport-" + date + "-" + policy);
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        ExecutorService pool = Executors.newFixedThreadPool(1);
        try (IngestHarness ingest = IngestHarness.onBroker(clock, broker)) {
            ingest.registry.importRegion(scenario.region(), clock.instant());
            ingest.start();
            IntervalRollup rollup = new IntervalRollup(ingest.dataSource, clock, new RollupSettings(null, null, null, null, null, 0, 0),
                    new RollupMetrics(metrics));
            CommandStore commands = new CommandStore(ingest.dataSource);
            BookingFeed carSharing = new BookingFeed(new BookingStore(ingest.dataSource));
            Dispatcher dispatcher = new Dispatcher(commands, new DispatchSettings(broker, "transport-eval-" + System.nanoTime(), null, null, "",
                    Duration.ofSeconds(30), Duration.ofMillis(200), null), metrics, clock);
            dispatcher.start();
            await("the dispatcher to connect to " + broker, dispatcher::connected);
            OptimizerCycle cycle = cycle(ingest, commands, policy, dispatcher, clock, metrics, pool);
            // 5-minute physics steps (30 ms × 10,000), played only as far as the clock: the loop sets it.
            SimulationSettings settings = new SimulationSettings(broker, 0, Duration.ofMillis(30), 10_000, first.start(), options.seed, 0,
                    FaultRates.NONE, Optional.of(truthDir), Optional.empty(), Optional.empty(), PhysicsOptions.DEFAULT, Optional.empty(), true);
            try (Simulation simulation = new Simulation(scenario, settings, clock, Optional.empty(), Map.of(date, sky))) {
                simulation.start();
                long slots = 0;
                long bookings = 0;
                int[] departedBefore = null;
                long total = Duration.between(first.start(), end.start()).toMinutes() / 30;
                for (Slot slot = first; slot.compareTo(end) < 0; slot = slot.next()) {
                    if (slot.equals(Slot.of(date, 1))) {
                        departedBefore = simulation.evDepartures();
                    }
                    advance(clock, slot.start().plus(ROUND_DELAY), simulation, ingest);
                    rollup.run();
                    if (slot.compareTo(roundsFrom) >= 0) {
                        // Both policies get the bookings: the baseline plans their charging on plug-in, the optimizer steers it.
                        bookings += carSharing.send(simulation.vehicles(), clock.instant(), clock.instant().plus(BOOKING_HORIZON));
                        cycle.run();
                        await("the gateways to answer the round's setpoints", () -> commands.count(Optional.empty(), Optional.of(CommandStatus.PENDING))
                                + commands.count(Optional.empty(), Optional.of(CommandStatus.SENT)) == 0);
                    }
                    advance(clock, slot.end(), simulation, ingest);
                    if (++slots % 48 == 0) {
                        System.err.printf(Locale.ROOT, "[transport] %s %s: played to %s (%d/%d slots), %,d telemetry messages, %.0f s%n", date,
                                policy, slot.end(), slots, total, simulation.messagesPublished(), (System.nanoTime() - started) / 1e9);
                    }
                }
                long messages = simulation.messagesPublished();
                int[] departed = simulation.evDepartures();
                long accepted = commands.count(Optional.empty(), Optional.of(CommandStatus.ACCEPTED));
                long refused = java.util.stream.Stream.of(CommandStatus.REJECTED, CommandStatus.FAILED, CommandStatus.NO_ACK, CommandStatus.EXPIRED)
                        .mapToLong(status -> commands.count(Optional.empty(), Optional.of(status))).sum();
                simulation.close();
                dispatcher.close();
                List<SlotTruth> day = truth(truthDir.resolve("sites.csv"), scenario, feeders, date);
                double[] pv = day.stream().mapToDouble(t -> java.util.Arrays.stream(t.pvWh).sum()).toArray();
                return new Played(day, inForce(ingest, scenario.region().banks(), date), accepted, refused, messages, pv,
                        departed[0] - departedBefore[0], departed[1] - departedBefore[1], bookings, Duration.ofNanos(System.nanoTime() - started));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private OptimizerCycle cycle(IngestHarness ingest, CommandStore commands, Policy policy, Dispatcher dispatcher, Clock clock,
                                 SimpleMeterRegistry metrics, ExecutorService pool) {
        OptimizerSettings settings = new OptimizerSettings(true, 1, null, null, null, 7, null, null, true, null, null);
        ProblemBuilder builder = new ProblemBuilder(new ProfileForecaster(), new ClearSkyPvForecaster(), prices, Penalties.DEFAULT,
                IntradayCorrection.DEFAULT, ProblemBuilder.DEFAULT_LIMIT_MARGIN);
        Planner planner;
        if (policy == Policy.OPTIMIZER) {
            AggregatingSolver solver = new AggregatingSolver(new BankSolver("GLOP", settings.solveTimeLimit()));
            planner = new Planner(p -> solver.solve(p).map(AggregatingSolver.Result::plan), new BaselinePlanner(), ALERTS, clock);
        } else {
            // The baseline submits its own behaviour forecast on the same inputs and sends nothing.
            planner = new Planner(p -> Optional.of(new BaselinePlanner().plan(p)), new BaselinePlanner(), ALERTS, clock);
        }
        IslandStore islands = new IslandStore(ingest.dataSource);
        return new OptimizerCycle(new BankInputsQuery(ingest.dataSource, settings.socMaxAge(), settings.historyDays()), builder, planner,
                new PlanStore(ingest.dataSource), new JobQueue(ingest.dataSource, "transport-eval", settings.lease()), commands,
                policy == Policy.OPTIMIZER ? Optional.of(dispatcher) : Optional.empty(), ALERTS, settings, pool, metrics, clock, islands,
                new IslandRound(ingest.dataSource, islands), ClearSky.ODAWARA);
    }

    /** Moves the clock to {@code to}, lets the simulation play up to it and waits until ingest has stored every message. */
    private static void advance(MutableClock clock, Instant to, Simulation simulation, IngestHarness ingest) {
        clock.set(to);
        await("the simulation to play to " + to, () -> !simulation.simulatedTime().isBefore(to));
        await("ingest to store the messages up to " + to, () -> {
            double handled = ingest.meters.get("aems.ingest.messages").tag("outcome", "stored").counter().count()
                    + ingest.meters.get("aems.ingest.messages").tag("outcome", "refused").counter().count();
            return handled >= simulation.messagesPublished() && ingest.writer().inFlight() == 0;
        });
    }

    /** A bank's planned net (Wh) for a slot, and whether that plan was made by the slot's gate closure. */
    private record PlannedNet(double wattHours, boolean byGateClosure) {
    }

    /** Per bank, per slot of the day: the bank-total value of its newest plan made before the slot's gate closure. */
    private static Map<BankId, List<Double>> inForce(IngestHarness ingest, List<Bank> banks, LocalDate date) {
        Map<BankId, List<Double>> inForce = new HashMap<>();
        JdbcClient jdbc = JdbcClient.create(ingest.dataSource);
        int late = 0;
        for (Bank bank : banks) {
            List<Double> values = new ArrayList<>();
            for (Slot s = Slot.of(date, 1); s.date().equals(date); s = s.next()) {
                Slot slot = s;
                Timestamp gate = Timestamp.from(slot.start().minus(Slot.GATE_CLOSURE_LEAD));
                // Where no plan was made by the gate closure (a warm-up too short for a round the evening before: the
                // forecasts need a day of history), the first plan made for the slot, as ClosedLoopEvaluation does.
                PlannedNet plan = jdbc.sql("""
                                SELECT ps.net_wh, pv.created_at <= ? FROM plan_slot ps JOIN plan_version pv ON pv.id = ps.plan_id
                                WHERE pv.bank_id = ? AND ps.feeder_id = '' AND ps.slot_start = ?
                                ORDER BY pv.created_at <= ? DESC, CASE WHEN pv.created_at <= ? THEN pv.created_at END DESC, pv.created_at,
                                         pv.id DESC LIMIT 1""")
                        .params(gate, bank.id().value(), Timestamp.from(slot.start()), gate, gate)
                        .query((rs, n) -> new PlannedNet(rs.getLong(1), rs.getBoolean(2))).optional()
                        .orElseThrow(() -> new IllegalStateException("bank " + bank.id() + " has no plan for " + slot));
                values.add(plan.wattHours());
                late += plan.byGateClosure() ? 0 : 1;
            }
            inForce.put(bank.id(), values);
        }
        if (late > 0) {
            System.err.printf(Locale.ROOT, "[transport] %s: %d bank-slots had no plan by their gate closure, scored against the first plan made"
                    + " for them%n", date, late);
        }
        return inForce;
    }

    /** The day's truth per feeder and slot from the simulator's {@code sites.csv} (powers averaged over each step). */
    private static List<SlotTruth> truth(Path sitesCsv, Scenario scenario, List<FeederId> feeders, LocalDate date) throws IOException {
        Map<Slot, SlotTruth> bySlot = new HashMap<>();
        Map<String, Integer> feederOf = new HashMap<>();
        Map<String, Instant> previous = new HashMap<>();
        Slot first = Slot.of(date, 1);
        Slot end = Slot.of(date.plusDays(1), 1);
        try (BufferedReader in = Files.newBufferedReader(sitesCsv)) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] c = line.split(",", -1);
                Instant at = Instant.parse(c[0]);
                Instant before = previous.put(c[1], at);
                Slot slot = Slot.containing(at.minusNanos(1));
                if (before == null || slot.compareTo(first) < 0 || slot.compareTo(end) >= 0) {
                    continue;
                }
                double hours = Duration.between(before, at).toMillis() / 3_600_000.0;
                int f = feederOf.computeIfAbsent(c[1], site -> feeders.indexOf(scenario.region().feederOf(SiteId.of(site)).orElseThrow().id()));
                SlotTruth t = bySlot.computeIfAbsent(slot, s -> new SlotTruth(s, feeders.size()));
                double ev = Double.parseDouble(c[6]);
                t.pvWh[f] += Double.parseDouble(c[2]) * hours;
                t.loadWh[f] += (Double.parseDouble(c[3]) + ev) * hours;
                t.batteryWh[f] += Double.parseDouble(c[4]) * hours;
                t.evWh[f] += ev * hours;
                t.netWh[f] += Double.parseDouble(c[9]) * hours;
            }
        }
        List<SlotTruth> day = new ArrayList<>();
        for (Slot s = first; s.compareTo(end) < 0; s = s.next()) {
            Slot slot = s;
            day.add(java.util.Objects.requireNonNull(bySlot.get(slot), () -> "no ground truth for " + slot));
        }
        return day;
    }

    private static void await(String what, BooleanSupplier done) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("waited " + WAIT.toSeconds() + " s for " + what);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for " + what, e);
            }
        }
    }

    private static final AlertSink ALERTS = new PrintedAlerts("transport");
}
