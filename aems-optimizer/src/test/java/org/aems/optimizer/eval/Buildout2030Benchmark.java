package org.aems.optimizer.eval;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.aems.core.grid.Bank;
import org.aems.core.grid.Feeder;
import org.aems.core.time.Slot;
import org.aems.core.unit.Efficiency;
import org.aems.core.unit.Energy;
import org.aems.core.unit.Power;
import org.aems.optimizer.forecast.ClearSkyPvForecaster;
import org.aems.optimizer.forecast.ProfileForecaster;
import org.aems.optimizer.model.AggregatingSolver;
import org.aems.optimizer.model.BankPlan;
import org.aems.optimizer.model.BankProblem;
import org.aems.optimizer.model.BankSolver;
import org.aems.optimizer.model.EvBooking;
import org.aems.optimizer.model.EvSchedule;
import org.aems.optimizer.model.FeederProblem;
import org.aems.optimizer.model.FeederSchedule;
import org.aems.optimizer.model.Penalties;
import org.aems.optimizer.model.StorageSchedule;
import org.aems.optimizer.model.StorageUnit;
import org.aems.optimizer.runtime.BankInputs;
import org.aems.optimizer.runtime.OptimizerCycle;
import org.aems.optimizer.runtime.ProblemBuilder;
import org.aems.optimizer.runtime.TimeOfDayPrices;
import org.aems.simulators.BundledRegions;
import org.aems.simulators.region.RegionModel;
import org.aems.simulators.site.PhysicsOptions;
import org.aems.simulators.weather.Sky;
import org.aems.simulators.weather.Weather;

/**
 * Issue #5's 2030 build-out on the real {@code odawara} topology, through the runtime's forecasts (not a test): the
 * region is played for some days so the forecasts have history, then every bank's problem for a sunny day is built by
 * the runtime's {@link ProblemBuilder} over the full horizon (the day and the next: 96 slots) with the city's
 * batteries topped up to {@code -Dbatteries} home batteries and {@code -Devs} shared EVs with bookings, spread over the
 * feeders by their number of sites. It prints the region's aggregated solve (banks in parallel, wall clock), the same
 * problems unaggregated (sum), the objectives' ratio, and whether every battery setpoint keeps its power and energy
 * limits and every EV its deadline. docs/benchmarks.md has the command and figures.
 */
public final class Buildout2030Benchmark {

    private static final double[] CAPACITY_KWH = {5.6, 7.7, 9.8, 12.7}; // the scenario's home battery models
    private static final double[] RATING_KW = {2.0, 3.0, 3.0, 4.0};

    public static void main(String[] args) throws Exception {
        int batteries = Integer.getInteger("batteries", 10_000);
        int evs = Integer.getInteger("evs", 1_000);
        int warmupDays = Integer.getInteger("warmupDays", 7);
        boolean exact = !Boolean.getBoolean("aggregatedOnly");
        LocalDate date = LocalDate.parse(System.getProperty("date", "2026-05-10"));
        long seed = 20261123;

        RegionModel model = new RegionModel(BundledRegions.scenario("odawara"), 0, seed, new Weather(seed, Map.of(date, Sky.CLEAR)),
                PhysicsOptions.DEFAULT);
        RegionPlay play = new RegionPlay(model);
        RegionInputs known = new RegionInputs(model.region());
        long started = System.nanoTime();
        for (SlotTruth t : play.playDays(Slot.of(date.minusDays(warmupDays), 1), Slot.of(date, 1))) {
            known.record(t, play.feeders());
        }
        System.out.printf("odawara played %d days for the forecasts' history in %.0f s%n", warmupDays, (System.nanoTime() - started) / 1e9);

        List<Slot> horizon = OptimizerCycle.horizon(Slot.of(date, 1));
        ProblemBuilder builder = new ProblemBuilder(new ProfileForecaster(), new ClearSkyPvForecaster(), TimeOfDayPrices.DEFAULT,
                Penalties.DEFAULT);
        List<Bank> banks = model.region().banks();
        int sites = banks.stream().flatMap(b -> b.feeders().stream()).mapToInt(f -> f.sites().size()).sum();
        List<BankInputs> today = banks.stream().map(b -> known.inputs(b, horizon, play.socPercent(), Map.of(), Map.of())).toList();
        int existing = today.stream().flatMap(i -> i.feeders().stream()).mapToInt(f -> f.storage().size()).sum();
        Random random = new Random(seed);
        List<BankProblem> problems = new ArrayList<>();
        int addedBatteries = 0;
        int addedEvs = 0;
        for (int b = 0; b < banks.size(); b++) {
            List<BankInputs.FeederInputs> feeders = new ArrayList<>();
            for (int f = 0; f < banks.get(b).feeders().size(); f++) {
                Feeder feeder = banks.get(b).feeders().get(f);
                BankInputs.FeederInputs now = today.get(b).feeders().get(f);
                double share = (double) feeder.sites().size() / sites;
                List<StorageUnit> storage = new ArrayList<>(now.storage());
                for (int k = 0; k < Math.round((batteries - existing) * share); k++) {
                    storage.add(battery(feeder.id().value() + "/2030-bat-" + k, random));
                    addedBatteries++;
                }
                List<EvBooking> bookings = new ArrayList<>(now.evs());
                for (int k = 0; k < Math.round(evs * share); k++) {
                    bookings.add(booking(feeder.id().value() + "/2030-ev-" + k, k, horizon.size(), random));
                    addedEvs++;
                }
                feeders.add(new BankInputs.FeederInputs(now.id(), now.limits(), now.load(), now.pv(), now.curtailableShare(), storage,
                        now.uncontrolled(), now.pvPeak(), now.curtailable(), now.heldBackLastSlot(), bookings, now.pvCap()));
            }
            problems.add(builder.build(new BankInputs(today.get(b).bank(), horizon, today.get(b).bankLimits(), feeders), Optional.empty()));
        }
        System.out.printf("2030 build-out: %d banks, %d feeders, %d slots; %,d batteries (%,d today + %,d added), %,d EVs with bookings%n",
                banks.size(), model.region().feeders().size(), horizon.size(), existing + addedBatteries, existing, addedBatteries, addedEvs);

        AggregatingSolver aggregating = new AggregatingSolver(new BankSolver("GLOP", java.time.Duration.ofSeconds(120)));
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        // Twice: the first solve pays for a cold JVM (class loading, JIT, OR-Tools' native library); the runtime solves
        // every slot in a long-running one, so the second is its steady state.
        RegionSolve cold = solveRegion(pool, problems, aggregating);
        RegionSolve warm = solveRegion(pool, problems, aggregating);
        List<BankPlan> plans = warm.plans();
        pool.shutdown();
        Check check = new Check();
        for (int b = 0; b < problems.size(); b++) {
            check.plan(problems.get(b), plans.get(b));
        }
        System.out.printf("region aggregated, %d banks in parallel on %d cores: %,d ms wall clock (the first solve, cold JVM: %,d ms);"
                        + " objective %,.0f yen; split could not place %.1f kWh%n", banks.size(), Runtime.getRuntime().availableProcessors(),
                warm.millis(), cold.millis(), warm.yen(), warm.unplacedKwh());
        System.out.printf("per-asset setpoints: %,d battery slots checked, %d outside their power limits, %d outside 0..capacity;"
                        + " %,d EVs, %d short at departure (%.1f kWh)%n", check.batterySlots, check.powerViolations, check.energyViolations,
                check.evs, check.shortEvs, check.shortKwh);
        feederScaling(problems, aggregating);
        if (exact) {
            BankSolver solver = new BankSolver("GLOP", java.time.Duration.ofMinutes(30));
            double exactYen = 0;
            long exactMs = 0;
            for (BankProblem problem : problems) {
                long t0 = System.nanoTime();
                BankPlan plan = solver.solve(problem).orElseThrow();
                long ms = (System.nanoTime() - t0) / 1_000_000;
                exactMs += ms;
                exactYen += plan.objective().amount().doubleValue();
                System.out.printf("  bank %s unaggregated: %,d ms (%s)%n", problem.bank(), ms, plan.source());
            }
            System.out.printf("region unaggregated (banks one after another): %,d ms, objective %,.0f yen; aggregated/unaggregated objective"
                    + " %.4f%n", exactMs, exactYen, warm.yen() / exactYen);
        }
        System.exit(0);
    }

    /** One solve of every bank, in parallel on the pool: wall clock, plans in bank order, objective and what the split left. */
    private record RegionSolve(long millis, List<BankPlan> plans, double yen, double unplacedKwh) {
    }

    private static RegionSolve solveRegion(ExecutorService pool, List<BankProblem> problems, AggregatingSolver aggregating) throws Exception {
        long start = System.nanoTime();
        List<Future<AggregatingSolver.Result>> futures = new ArrayList<>();
        for (BankProblem problem : problems) {
            futures.add(pool.submit(() -> aggregating.solve(problem).orElseThrow()));
        }
        List<BankPlan> plans = new ArrayList<>();
        double yen = 0;
        double unplacedKwh = 0;
        for (Future<AggregatingSolver.Result> f : futures) {
            AggregatingSolver.Result r = f.get();
            plans.add(r.plan());
            yen += r.plan().objective().amount().doubleValue();
            unplacedKwh += r.unplacedKwh();
        }
        return new RegionSolve((System.nanoTime() - start) / 1_000_000, plans, yen, unplacedKwh);
    }

    /**
     * How the aggregated solve grows with feeders inside one bank (banks are independent problems, so across banks it is
     * linear by construction): the first n of the region's feeders, with their 2030 assets, as one bank whose limit is
     * 90 % of their limits' sum so it binds too. Median of three solves each.
     */
    private static void feederScaling(List<BankProblem> problems, AggregatingSolver aggregating) {
        List<FeederProblem> all = problems.stream().flatMap(p -> p.feeders().stream()).toList();
        BankProblem first = problems.get(0);
        System.out.println("| feeders in one bank | batteries | EVs | aggregated solve ms (median of 3) | ms per feeder |");
        System.out.println("|---:|---:|---:|---:|---:|");
        for (int n : new int[] {1, 2, 5, 10, all.size()}) {
            List<FeederProblem> feeders = all.subList(0, Math.min(n, all.size()));
            List<org.aems.core.grid.FlowLimits> limits = new ArrayList<>();
            for (int t = 0; t < first.slots().size(); t++) {
                final int slot = t;
                limits.add(new org.aems.core.grid.FlowLimits(
                        Power.ofWatts(Math.round(0.9 * feeders.stream().mapToLong(f -> f.limits().get(slot).reverseFlowLimit().watts()).sum())),
                        Power.ofWatts(Math.round(0.9 * feeders.stream().mapToLong(f -> f.limits().get(slot).importLimit().watts()).sum()))));
            }
            BankProblem merged = new BankProblem(first.bank(), first.slots(), limits, feeders, first.purchase(), first.sale(), Optional.empty(),
                    first.penalties());
            long[] ms = new long[3];
            for (int k = 0; k < ms.length; k++) {
                long t0 = System.nanoTime();
                aggregating.solve(merged).orElseThrow();
                ms[k] = (System.nanoTime() - t0) / 1_000_000;
            }
            java.util.Arrays.sort(ms);
            System.out.printf("| %d | %,d | %,d | %,d | %.0f |%n", feeders.size(), feeders.stream().mapToInt(f -> f.storage().size()).sum(),
                    feeders.stream().mapToInt(f -> f.evs().size()).sum(), ms[1], (double) ms[1] / feeders.size());
        }
    }

    private static StorageUnit battery(String id, Random random) {
        int m = random.nextInt(CAPACITY_KWH.length);
        Energy capacity = Energy.ofWattHours(Math.round(CAPACITY_KWH[m] * 1000));
        Power rating = Power.ofWatts(Math.round(RATING_KW[m] * 1000));
        Energy stored = Energy.ofWattHours(Math.round(capacity.wattHours() * (0.2 + 0.5 * random.nextDouble())));
        return new StorageUnit(id, capacity, rating, rating, Efficiency.of(0.95), Efficiency.of(0.95), stored,
                BankInputs.endTarget(stored, capacity));
    }

    /**
     * A shared EV plugged in from some slot of the first day, leaving 3–20 h later with 5–25 kWh more, at most 80 % of
     * what its 6 kW charger can give in the window (so a shortfall is the plan's fault, not the booking's); a third V2X.
     */
    private static EvBooking booking(String id, int k, int slots, Random random) {
        int from = random.nextInt(40);
        int departure = Math.min(slots, from + 6 + random.nextInt(34));
        long possibleWh = Math.round(6_000 * 0.92 * (departure - from) * Slot.DURATION.toMinutes() / 60.0);
        long needed = Math.min(5_000 + 1_000L * random.nextInt(21), Math.round(0.8 * possibleWh));
        return new EvBooking(id, from, departure, Energy.ofWattHours(needed), Energy.ofWattHours(40_000 - 8_000), Power.ofWatts(6_000),
                k % 3 == 0 ? Power.ofWatts(6_000) : Power.ZERO, Efficiency.of(0.92));
    }

    /** Every battery's setpoints within its power limits and its energy within 0..capacity; every EV's shortfall. */
    private static final class Check {
        long batterySlots;
        int powerViolations;
        int energyViolations;
        int evs;
        int shortEvs;
        double shortKwh;

        void plan(BankProblem problem, BankPlan plan) {
            for (int f = 0; f < problem.feeders().size(); f++) {
                FeederProblem feeder = problem.feeders().get(f);
                FeederSchedule schedule = plan.feeders().get(f);
                Map<String, StorageUnit> units = new java.util.HashMap<>();
                feeder.storage().forEach(u -> units.put(u.id(), u));
                for (StorageSchedule planned : schedule.storage()) {
                    StorageUnit unit = units.get(planned.id());
                    for (int t = 0; t < planned.setpoints().size(); t++) {
                        batterySlots++;
                        long w = planned.setpoints().get(t).watts();
                        if (w > unit.maxCharge().watts() + 1 || -w > unit.maxDischarge().watts() + 1) {
                            powerViolations++;
                        }
                        long stored = planned.storedAfter().get(t).wattHours();
                        if (stored < -1 || stored > unit.capacity().wattHours() + 1) {
                            energyViolations++;
                        }
                    }
                }
                for (EvSchedule ev : schedule.evs()) {
                    evs++;
                    if (ev.shortfall().wattHours() > 1) {
                        shortEvs++;
                        shortKwh += ev.shortfall().wattHours() / 1000.0;
                    }
                }
            }
        }
    }
}
