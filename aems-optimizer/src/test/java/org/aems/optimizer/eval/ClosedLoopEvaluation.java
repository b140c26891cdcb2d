package org.aems.optimizer.eval;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.aems.core.alert.AlertSink;
import org.aems.core.grid.Bank;
import org.aems.core.grid.BankId;
import org.aems.core.grid.Feeder;
import org.aems.core.time.Slot;
import org.aems.core.unit.Energy;
import org.aems.optimizer.dispatch.PlanCommands;
import org.aems.optimizer.forecast.ClearSky;
import org.aems.optimizer.forecast.ClearSkyPvForecaster;
import org.aems.optimizer.forecast.ProfileForecaster;
import org.aems.optimizer.model.AggregatingSolver;
import org.aems.optimizer.model.BankPlan;
import org.aems.optimizer.model.BankProblem;
import org.aems.optimizer.model.BankSolver;
import org.aems.optimizer.model.BaselinePlanner;
import org.aems.optimizer.model.FeederProblem;
import org.aems.optimizer.model.Penalties;
import org.aems.optimizer.model.Planner;
import org.aems.optimizer.regional.RegionalShare;
import org.aems.optimizer.runtime.BankInputs;
import org.aems.optimizer.runtime.CurtailmentCommands;
import org.aems.optimizer.runtime.HeldBack;
import org.aems.optimizer.runtime.OptimizerCycle;
import org.aems.optimizer.runtime.ProblemBuilder;
import org.aems.optimizer.runtime.TimeOfDayPrices;
import org.aems.simulators.BundledRegions;
import org.aems.simulators.region.RegionModel;
import org.aems.simulators.scenario.Scenario;
import org.aems.simulators.site.PhysicsOptions;
import org.aems.simulators.weather.Sky;
import org.aems.simulators.weather.Weather;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Issue #5's evaluation: simulated days of a region in closed loop (simulated meters and batteries → the
 * runtime's forecasts and problem builder → the planner → setpoint commands → the simulated devices), for the
 * optimizer and for the baseline (the simulator's own self-consumption, unchanged), every KPI from the
 * simulator's ground truth. Prints one table per day and policy, and the share of the gap to a
 * perfect-foresight solve that the optimizer closes. docs/benchmarks.md has the command and figures.
 */
@Command(name = "aems-evaluate", mixinStandardHelpOptions = true,
        description = "Closed-loop evaluation of the optimizer against the rule-based baseline on simulated days.")
public final class ClosedLoopEvaluation implements Callable<Integer> {

    @Option(names = "--region", defaultValue = "odawara", description = "bundled region or file (default: ${DEFAULT-VALUE})")
    String region;

    @Option(names = "--sites", defaultValue = "0", description = "first N sites only (0 = all)")
    int sites;

    @Option(names = "--warmup-days", defaultValue = "14", description = "days played before each day, as forecast history (default: ${DEFAULT-VALUE})")
    int warmupDays;

    @Option(names = "--limit-margin", defaultValue = "0.07", description = "share of each limit the plans keep in reserve (default: ${DEFAULT-VALUE})")
    double limitMargin;

    @Option(names = "--regional-share", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "after gate closure, banks take over each other's forced deviations (the runtime's default; "
                    + "--no-regional-share: each bank holds only its own plan)")
    boolean regionalShare;

    @Mixin
    EvaluationOptions options;

    private TimeOfDayPrices prices;
    private final List<Long> bankSolveMillis = new ArrayList<>();
    private final List<Long> roundMillis = new ArrayList<>();
    private final Map<LocalDate, double[]> baselinePv = new HashMap<>();
    private final List<String> forecastLines = new ArrayList<>();
    private double perfectBreachKwh;

    public static void main(String[] args) {
        System.exit(new CommandLine(new ClosedLoopEvaluation()).execute(args));
    }

    enum Policy { BASELINE, OPTIMIZER }

    @Override
    public Integer call() {
        Scenario scenario = BundledRegions.scenario(region);
        List<EvaluationOptions.Day> evaluated = options.daysOrExplain();
        if (evaluated.isEmpty()) {
            return 2;
        }
        prices = options.prices();
        boolean allBetter = true;
        System.out.println("| day | policy | 地産地消率 | 自給率 | breaches | breach kWh | curtailed kWh | imbalance kWh | imbalance yen "
                + "| energy yen | penalty yen | total yen | CO2 avoided t | commands ok/refused | EVs short/departures |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        List<String> gaps = new ArrayList<>();
        for (EvaluationOptions.Day day : evaluated) {
            LocalDate date = day.date();
            Sky sky = day.sky();
            Map<Policy, DayRun> runs = new HashMap<>();
            for (Policy policy : Policy.values()) {
                long started = System.nanoTime();
                DayRun run = runDay(scenario, date, sky, policy);
                runs.put(policy, run);
                DayKpis k = run.kpis();
                System.out.printf(Locale.ROOT, "| %s %s %s | %s | %.1f %% | %.1f %% | %d | %.1f | %.1f | %.0f | %.0f | %.0f | %.0f | %.0f | %.2f | %d/%d | %d/%d |%n",
                        date, date.getDayOfWeek().toString().substring(0, 3), sky, policy, 100 * k.localConsumption(),
                        100 * k.selfSufficiency(), k.breaches(), k.breachKwh(), k.curtailedKwh(), k.imbalanceKwh(), k.imbalanceYen(),
                        k.energyYen(), k.penaltyYen(), k.totalYen(), k.co2AvoidedT(), run.accepted(), run.refused(), run.evShort(), run.evDepartures());
                System.err.printf(Locale.ROOT, "[evaluate] %s %s done in %.0f s%n", date, policy, (System.nanoTime() - started) / 1e9);
                k.breachList().forEach(b -> System.err.println("[evaluate]   breach " + policy + ": " + b));
            }
            double baseline = runs.get(Policy.BASELINE).kpis().totalYen();
            double optimizer = runs.get(Policy.OPTIMIZER).kpis().totalYen();
            double perfect = runs.get(Policy.BASELINE).perfectYen();
            allBetter &= optimizer < baseline;
            gaps.add(String.format(Locale.ROOT, "%s: optimizer %.0f yen vs baseline %.0f yen (%s); perfect foresight %.0f yen "
                            + "(breaches %.1f kWh); gap closed %.0f %%",
                    date, optimizer, baseline, optimizer < baseline ? "better" : "NOT better", perfect, perfectBreachKwh,
                    100 * (baseline - optimizer) / (baseline - perfect)));
            gaps.add(String.format(Locale.ROOT, "%s: imbalance of the balancing group %.0f kWh (optimizer), %.0f kWh (baseline); the banks'"
                            + " deviations summed without netting %.0f kWh and %.0f kWh", date, runs.get(Policy.OPTIMIZER).kpis().imbalanceKwh(),
                    runs.get(Policy.BASELINE).kpis().imbalanceKwh(), runs.get(Policy.OPTIMIZER).kpis().bankImbalanceKwh(),
                    runs.get(Policy.BASELINE).kpis().bankImbalanceKwh()));
        }
        System.out.println();
        gaps.forEach(System.out::println);
        forecastLines.forEach(System.out::println);
        System.out.printf(Locale.ROOT, "solve time per bank: p50 %d ms, p99 %d ms; per round (whole region, banks one after another): p50 %d ms, "
                + "p99 %d ms (%d rounds)%n", percentile(bankSolveMillis, 0.5), percentile(bankSolveMillis, 0.99),
                percentile(roundMillis, 0.5), percentile(roundMillis, 0.99), roundMillis.size());
        return allBetter ? 0 : 1;
    }

    /** @param evDepartures shared vehicles' departures on the day; {@code evShort} those with less than their member booked */
    record DayRun(DayKpis kpis, double perfectYen, int accepted, int refused, int evDepartures, int evShort) {
    }

    private DayRun runDay(Scenario scenario, LocalDate date, Sky sky, Policy policy) {
        RegionModel model = new RegionModel(scenario, sites, options.seed, new Weather(options.seed, Map.of(date, sky)), PhysicsOptions.DEFAULT);
        RegionPlay play = new RegionPlay(model);
        RegionInputs known = new RegionInputs(model.region());
        Slot dayStart = Slot.of(date, 1);
        for (SlotTruth t : play.playDays(Slot.of(date.minusDays(warmupDays), 1), dayStart)) {
            known.record(t, play.feeders());
        }
        Map<String, Double> socAtStart = new HashMap<>(play.socPercent());
        Map<String, org.aems.simulators.ev.EvModel> vehicles = play.evs();
        int[] departuresBefore = play.evDepartures();
        List<Bank> banks = model.region().banks();
        ProblemBuilder builder = new ProblemBuilder(new ProfileForecaster(), new ClearSkyPvForecaster(), prices, Penalties.DEFAULT,
                org.aems.optimizer.runtime.IntradayCorrection.DEFAULT, limitMargin);
        AggregatingSolver solver = new AggregatingSolver(new BankSolver("GLOP", Duration.ofSeconds(20)));
        Planner planner = new Planner(p -> solver.solve(p).map(AggregatingSolver.Result::plan), new BaselinePlanner(), ALERTS, Clock.systemUTC());
        Map<BankId, BankPlan> last = new HashMap<>();
        // Every round's bank net per bank (round r = slot r of the day), and per slot the value in force at its gate
        // closure: the plan of round r - 3, the newest made before the gate closed (rounds run just after a slot
        // begins, like the runtime's). The first three slots take the day's first plan, standing in for the
        // previous day's rounds.
        Map<BankId, List<List<Double>>> rounds = new HashMap<>();
        Map<BankId, List<Double>> inForce = new HashMap<>();
        // The regional step's bookkeeping, as the runtime stores it with each plan: per bank and round the shifts of its
        // gate-closed slots, and per bank its storage power when it last planned.
        Map<BankId, List<List<Long>>> shiftsMade = new HashMap<>();
        Map<BankId, Long> storageOf = new HashMap<>();
        ForecastScore score = new ForecastScore();
        Set<org.aems.core.grid.FeederId> limitedNow = new HashSet<>();
        List<SlotTruth> day = new ArrayList<>();
        for (Slot slot = dayStart; slot.date().equals(date); slot = slot.next()) {
            int r = day.size();
            // Feeders whose PV the last round limited: the runtime finds them in dispatch_command.
            Set<org.aems.core.grid.FeederId> limited = limitedNow;
            limitedNow = new HashSet<>();
            List<Slot> horizon = OptimizerCycle.horizon(slot);
            long roundStart = System.nanoTime();
            for (Bank bank : banks) {
                Map<org.aems.core.grid.FeederId, HeldBack> heldBack = new HashMap<>();
                Optional.ofNullable(last.get(bank.id())).ifPresent(p -> p.feeders().forEach(f -> heldBack.put(f.id(),
                        HeldBack.after(f.curtailed().get(0), () -> limited.contains(f.id())))));
                BankInputs inputs = known.inputs(bank, horizon, play.socPercent(), heldBack, vehicles);
                List<List<Double>> made = rounds.computeIfAbsent(bank.id(), b -> new ArrayList<>());
                // The gate-closed slots of this round (this one and the next two) keep the value in force.
                List<Energy> closed = new ArrayList<>();
                for (int k = 0; k < Slot.GATE_CLOSURE_LEAD.toMinutes() / Slot.DURATION.toMinutes() + 1 && r + k < 48; k++) {
                    inForceAt(made, r + k).ifPresent(wh -> closed.add(BankInputs.wh(wh)));
                }
                long storageWatts = OptimizerCycle.storageWatts(inputs);
                List<Long> shifts = new ArrayList<>();
                if (policy == Policy.OPTIMIZER && regionalShare && !closed.isEmpty()) {
                    List<Energy> shared = RegionalShare.shifts(storageWatts, horizon.subList(0, closed.size()),
                            others(banks, bank.id(), rounds, shiftsMade, storageOf, r, horizon.subList(0, closed.size())));
                    for (int k = 0; k < closed.size(); k++) {
                        closed.set(k, closed.get(k).plus(shared.get(k)));
                        shifts.add(shared.get(k).wattHours());
                    }
                }
                shiftsMade.computeIfAbsent(bank.id(), b -> new ArrayList<>()).add(shifts);
                storageOf.put(bank.id(), storageWatts);
                BankProblem problem = builder.build(inputs, closed.isEmpty() ? Optional.empty() : Optional.of(closed));
                BankPlan planned;
                if (policy == Policy.BASELINE) {
                    // What the baseline would submit: its own behaviour on the same forecasts.
                    planned = new BaselinePlanner().plan(problem);
                } else {
                    for (BankInputs.FeederInputs f : inputs.feeders()) {
                        ProblemBuilder.FeederForecast forecast = builder.forecast(f, horizon);
                        score.add(f.id(), horizon, forecast.demandWh(), forecast.pvWh());
                    }
                    long t0 = System.nanoTime();
                    planned = planner.plan(problem, Optional.ofNullable(last.get(bank.id())));
                    bankSolveMillis.add((System.nanoTime() - t0) / 1_000_000);
                    for (org.aems.core.telemetry.Command c : PlanCommands.forSlot(problem, planned, 0, slot.start())) {
                        play.command(c, slot.start());
                    }
                    for (org.aems.core.telemetry.Command c : CurtailmentCommands.forSlot(inputs, problem, planned, 0, slot.start(), ClearSky.ODAWARA)) {
                        play.command(c, slot.start());
                        limitedNow.add(model.region().feederOf(c.siteId()).orElseThrow().id());
                    }
                }
                last.put(bank.id(), planned);
                made.add(wattHours(planned, 48 - r + 3));
                if (r == 0) {
                    inForce.put(bank.id(), new ArrayList<>(made.get(0).subList(0, 3)));
                }
                if (r + 3 < 48) {
                    inForce.get(bank.id()).add(made.get(r).get(3));
                }
            }
            if (policy == Policy.OPTIMIZER) {
                roundMillis.add((System.nanoTime() - roundStart) / 1_000_000);
            }
            SlotTruth truth = play.play(slot);
            // The dispatched plans' curtailment is added back to the PV learned, as BankInputsQuery's history does.
            Map<org.aems.core.grid.FeederId, Double> curtailed = new HashMap<>();
            if (policy == Policy.OPTIMIZER) {
                last.values().forEach(p -> p.feeders().forEach(f -> curtailed.put(f.id(), (double) f.curtailed().get(0).wattHours())));
            }
            known.record(truth, play.feeders(), curtailed);
            day.add(truth);
        }
        double[] pvPerSlot = day.stream().mapToDouble(t -> java.util.Arrays.stream(t.pvWh).sum()).toArray();
        if (policy == Policy.BASELINE) {
            baselinePv.put(date, pvPerSlot);
        }
        // Same seed and weather: PV differs between the policies only by what the optimizer curtailed.
        double curtailedKwh = 0;
        for (int t = 0; t < pvPerSlot.length; t++) {
            curtailedKwh += Math.max(0, baselinePv.get(date)[t] - pvPerSlot[t]) / 1000;
        }
        DayKpis kpis = DayKpis.score(day, play.feeders(), banks, inForce, prices, curtailedKwh);
        double perfect = policy == Policy.BASELINE ? perfectForesight(banks, known, date, socAtStart, solver) : Double.NaN;
        if (policy == Policy.OPTIMIZER) {
            score.report(known.load(), known.pv()).forEach(line -> forecastLines.add(date + " " + line));
        }
        int[] departures = play.evDepartures();
        return new DayRun(kpis, perfect, play.accepted(), play.refused(), departures[0] - departuresBefore[0], departures[1] - departuresBefore[1]);
    }

    /**
     * The day solved once with its true demand and PV (played by the baseline; demand without batteries is the
     * same under both policies) and no imbalance: the cost no forecast-driven policy can beat. The shared vehicles
     * charge in it as they did under the baseline (on plug-in), a fixed demand: their flexibility is not in this
     * bound, so it is a little higher than a true optimum with them.
     */
    private double perfectForesight(List<Bank> banks, RegionInputs known, LocalDate date, Map<String, Double> socAtStart,
                                    AggregatingSolver solver) {
        List<Slot> slots = new ArrayList<>();
        for (Slot s = Slot.of(date, 1); s.date().equals(date); s = s.next()) {
            slots.add(s);
        }
        double total = 0;
        perfectBreachKwh = 0;
        for (Bank bank : banks) {
            BankInputs inputs = known.inputs(bank, slots, socAtStart, Map.of(), Map.of());
            List<FeederProblem> feeders = new ArrayList<>();
            for (BankInputs.FeederInputs f : inputs.feeders()) {
                double[] load = known.truth(known.load(), f.id(), slots);
                double[] ev = known.truth(known.ev(), f.id(), slots);
                double[] pv = known.truth(known.pv(), f.id(), slots);
                List<Energy> base = new ArrayList<>();
                List<Energy> curtailable = new ArrayList<>();
                for (int t = 0; t < slots.size(); t++) {
                    base.add(BankInputs.wh(load[t] + ev[t] - pv[t] * (1 - f.curtailableShare())));
                    curtailable.add(BankInputs.wh(pv[t] * f.curtailableShare()));
                }
                feeders.add(new FeederProblem(f.id(), f.limits(), base, curtailable, f.storage(), List.of()));
            }
            BankProblem problem = new BankProblem(bank.id(), slots, inputs.bankLimits(), feeders, slots.stream().map(prices::purchase).toList(),
                    slots.stream().map(prices::sale).toList(), Optional.empty(), Penalties.DEFAULT);
            BankPlan plan = solver.solve(problem).orElseThrow().plan();
            for (int t = 0; t < slots.size(); t++) {
                double net = plan.bankNet().get(t).wattHours();
                total += Math.max(0, net) / 1000 * prices.purchase(slots.get(t)).value().doubleValue()
                        - Math.max(0, -net) / 1000 * prices.sale(slots.get(t)).value().doubleValue();
                for (int f = 0; f < feeders.size(); f++) {
                    Feeder feeder = bank.feeders().get(f);
                    double excess = DayKpis.excessWh(plan.feeders().get(f).net().get(t).wattHours(), feeder.limits().at(date).orElseThrow()) / 1000;
                    perfectBreachKwh += excess;
                    total += excess * Penalties.DEFAULT.limitBreach().value().doubleValue();
                }
                double excess = DayKpis.excessWh(net, bank.limits().at(date).orElseThrow()) / 1000;
                perfectBreachKwh += excess;
                total += excess * Penalties.DEFAULT.limitBreach().value().doubleValue();
            }
            total += plan.feeders().stream().flatMap(fs -> fs.curtailed().stream()).mapToDouble(e -> e.wattHours() / 1000.0).sum()
                    * Penalties.DEFAULT.curtailment().value().doubleValue();
        }
        return total;
    }

    /**
     * The bank net in force for slot {@code index} of the day, from the plans of the rounds so far: the plan of round
     * index - 3 (the newest made before the gate closed), the day's first plan for the first three slots.
     */
    private static Optional<Double> inForceAt(List<List<Double>> made, int index) {
        int from = index - 3;
        if (from >= 0 && from < made.size()) {
            return Optional.of(made.get(from).get(3));
        }
        return made.isEmpty() ? Optional.empty() : Optional.of(made.get(0).get(index));
    }

    /** The other banks as the runtime's PlanStore.otherBanks reads them, from the rounds so far (round r: slot r of the day). */
    private static List<RegionalShare.OtherBank> others(List<Bank> banks, BankId self, Map<BankId, List<List<Double>>> rounds,
                                                        Map<BankId, List<List<Long>>> shiftsMade, Map<BankId, Long> storageOf,
                                                        int r, List<Slot> gated) {
        List<RegionalShare.OtherBank> others = new ArrayList<>();
        for (Bank other : banks) {
            List<List<Double>> theirs = rounds.get(other.id());
            if (other.id().equals(self) || theirs == null || theirs.isEmpty()) {
                continue;
            }
            int newest = theirs.size() - 1;
            Map<Slot, RegionalShare.BankSlot> slots = new HashMap<>();
            for (int k = 0; k < gated.size(); k++) {
                int offset = r + k - newest; // the newest plan starts at its own round's slot
                Optional<Double> planned = inForceAt(theirs, r + k);
                if (planned.isPresent() && offset >= 0 && offset < theirs.get(newest).size()) {
                    List<Long> asked = shiftsMade.get(other.id()).get(newest);
                    slots.put(gated.get(k), new RegionalShare.BankSlot(Math.round(planned.get()), Math.round(theirs.get(newest).get(offset)),
                            offset < asked.size() ? asked.get(offset) : 0));
                }
            }
            others.add(new RegionalShare.OtherBank(other.id(), storageOf.get(other.id()), slots));
        }
        return others;
    }

    private static List<Double> wattHours(BankPlan plan, int slots) {
        return plan.bankNet().subList(0, Math.min(slots, plan.bankNet().size())).stream().map(e -> (double) e.wattHours()).toList();
    }

    private static long percentile(List<Long> values, double p) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    private static final AlertSink ALERTS = new PrintedAlerts("evaluate");
}
