package org.aems.optimizer.runtime;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.aems.core.alert.Alert;
import org.aems.core.alert.AlertKind;
import org.aems.core.alert.AlertSink;
import org.aems.core.alert.Severity;
import org.aems.core.grid.BankId;
import org.aems.core.grid.FeederId;
import org.aems.optimizer.island.Island;
import org.aems.optimizer.island.IslandRound;
import org.aems.optimizer.island.IslandStore;
import java.util.HashSet;
import java.util.Set;
import org.aems.core.telemetry.Command;
import org.aems.core.time.Slot;
import org.aems.core.unit.Energy;
import org.aems.optimizer.dispatch.CommandStore;
import org.aems.optimizer.dispatch.Dispatcher;
import org.aems.optimizer.dispatch.PlanCommands;
import org.aems.optimizer.jobs.BankJob;
import org.aems.optimizer.jobs.JobQueue;
import org.aems.optimizer.forecast.ClearSky;
import org.aems.optimizer.model.BankPlan;
import org.aems.optimizer.model.BankProblem;
import org.aems.optimizer.model.Planner;
import org.aems.optimizer.plan.PlanStore;
import org.aems.optimizer.regional.RegionalShare;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One planning round (rolling horizon): queue a job per bank for the current slot, then solve banks in
 * parallel until the queue is empty — together with any other optimizer instance on the same database.
 * Each bank's plan runs from the current slot to the end of tomorrow, is stored as a new version, and its
 * first slot is dispatched as setpoints valid until that slot ends.
 */
public final class OptimizerCycle {

    private static final Logger log = LoggerFactory.getLogger(OptimizerCycle.class);

    private final BankInputsQuery inputs;
    private final IslandStore islands;
    private final IslandRound islandRound;
    private final ProblemBuilder builder;
    private final Planner planner;
    private final PlanStore plans;
    private final JobQueue jobs;
    private final CommandStore commands;
    private final Optional<Dispatcher> dispatcher;
    private final AlertSink alerts;
    private final OptimizerSettings settings;
    private final ExecutorService pool;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final Timer bankTimer;
    private final Map<BankId, BankPlan> lastPlans = new ConcurrentHashMap<>();
    /** The region's sky: how a feeder's PV limit is shared among its inverters. */
    private final ClearSky sky;
    private volatile Instant lastRound;

    public OptimizerCycle(BankInputsQuery inputs, ProblemBuilder builder, Planner planner, PlanStore plans, JobQueue jobs,
                          CommandStore commands, Optional<Dispatcher> dispatcher, AlertSink alerts, OptimizerSettings settings,
                          ExecutorService pool, MeterRegistry metrics, Clock clock, IslandStore islands, IslandRound islandRound,
                          ClearSky sky) {
        this.inputs = inputs;
        this.sky = sky;
        this.islands = islands;
        this.islandRound = islandRound;
        this.builder = builder;
        this.planner = planner;
        this.plans = plans;
        this.jobs = jobs;
        this.commands = commands;
        this.dispatcher = dispatcher;
        this.alerts = alerts;
        this.settings = settings;
        this.pool = pool;
        this.clock = clock;
        this.metrics = metrics;
        this.bankTimer = Timer.builder("aems.optimizer.bank").description("Building, solving, storing and dispatching one bank's plan")
                .publishPercentiles(0.5, 0.99).register(metrics);
    }

    /** The result of one round in this instance. */
    public record Round(Slot slot, int enqueued, int planned, int failed, Duration took) {
    }

    /** Plans every bank for the slot under way. Blocks until this instance finds no job left. */
    public Round run() {
        Instant started = clock.instant();
        Slot slot = Slot.containing(started);
        List<BankId> banks = inputs.banks(slot.date());
        int enqueued = jobs.enqueue(banks, slot, started);
        List<Island> islanded = islands.open();
        AtomicInteger planned = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        List<Callable<Void>> workers = new ArrayList<>();
        for (int w = 0; w < settings.workers(); w++) {
            workers.add(() -> {
                Optional<BankJob> job;
                while ((job = jobs.claim(clock.instant())).isPresent()) {
                    (plan(job.get(), islanded, banks) ? planned : failed).incrementAndGet();
                }
                return null;
            });
        }
        try {
            for (Future<Void> f : pool.invokeAll(workers)) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            log.error("an optimizer worker failed: {}", e.getCause().getMessage(), e.getCause());
        }
        Round round = new Round(slot, enqueued, planned.get(), failed.get(), Duration.between(started, clock.instant()));
        lastRound = clock.instant();
        log.info("optimizer round for slot {}: {} banks queued, {} planned here, {} failed, {} ms", slot, banks.size(), round.planned(),
                round.failed(), round.took().toMillis());
        return round;
    }

    /** When this instance last finished a round (for health). */
    public Optional<Instant> lastRound() {
        return Optional.ofNullable(lastRound);
    }

    /**
     * @param open  the islands in force this round (read once per round, not per bank)
     * @param banks the balancing group's banks this round (the regional step shares deviations among them)
     */
    private boolean plan(BankJob job, List<Island> open, List<BankId> banks) {
        Timer.Sample sample = Timer.start(metrics);
        Instant now = clock.instant();
        try {
            List<Slot> horizon = horizon(job.slot());
            BankInputs known = inputs.load(job.bank(), horizon, now, commands.sitesNotFollowingSince(now.minus(settings.notFollowingFor())));
            List<Command> setpoints = new ArrayList<>();
            Set<FeederId> islanded = new HashSet<>();
            for (Island island : open) {
                Optional<BankInputs.FeederInputs> feeder = known.feeders().stream().filter(f -> f.id().value().equals(island.feeder())).findFirst();
                if (feeder.isPresent()) {
                    setpoints.addAll(islandRound.plan(island, feeder.get(), builder, horizon, now));
                    islanded.add(feeder.get().id());
                }
            }
            known = known.without(islanded);
            Long id = null;
            BankPlan plan = null;
            long regionalShift = 0;
            if (!known.feeders().isEmpty()) {
                // Slots past gate closure keep the plan in force, shifted by this bank's share of what other banks cannot
                // hold (the regional step): the model pays for leaving that target (imbalance).
                List<Energy> inForce = plans.inForce(job.bank(), horizon, now);
                List<Slot> gated = horizon.subList(0, inForce.size());
                long storageWatts = storageWatts(known);
                List<Energy> shifts = settings.regionalShare()
                        ? RegionalShare.shifts(storageWatts, gated, plans.otherBanks(
                                banks.stream().filter(b -> !b.equals(job.bank())).toList(), gated, now))
                        : java.util.Collections.nCopies(gated.size(), Energy.ZERO);
                List<Energy> target = new ArrayList<>(inForce.size());
                for (int t = 0; t < inForce.size(); t++) {
                    target.add(inForce.get(t).plus(shifts.get(t)));
                }
                BankProblem problem = builder.build(known, target.isEmpty() ? Optional.empty() : Optional.of(target));
                plan = planner.plan(problem, Optional.ofNullable(lastPlans.get(job.bank())));
                lastPlans.put(job.bank(), plan);
                id = plans.save(plan, jobs.worker(), now, shifts, storageWatts);
                regionalShift = shifts.stream().mapToLong(Energy::wattHours).sum();
                DistributionSummary.builder("aems.optimizer.regional.shift").baseUnit("Wh")
                        .description("A bank's regional-step shift over its gate-closed slots, Wh (- = less import than its plan in force)")
                        .register(metrics).record(Math.abs(regionalShift));
                setpoints.addAll(PlanCommands.forSlot(problem, plan, 0, now));
                setpoints.addAll(CurtailmentCommands.forSlot(known, problem, plan, 0, now, sky));
                Counter.builder("aems.optimizer.plans").tag("source", plan.source().name()).register(metrics).increment();
            }
            int sent = dispatcher.map(d -> d.dispatch(setpoints, "optimizer", Optional.of(job.bank().value()))).orElse(0);
            jobs.done(job, id, clock.instant());
            if (plan != null) {
                log.info("bank {} slot {}: plan {} ({}, {} slots, objective {} yen, {} breaches, {} ms), {} setpoints sent, {} batteries left "
                                + "alone, {} feeders islanded, regional shift {} Wh", job.bank(), job.slot(), id, plan.source(), horizon.size(),
                        plan.objective().amount().toBigInteger(), plan.breaches().size(), plan.solveTime().toMillis(), sent,
                        known.feeders().stream().mapToInt(f -> f.uncontrolled().size()).sum(), islanded.size(), regionalShift);
            } else {
                log.info("bank {} slot {}: every feeder islanded, {} setpoints sent", job.bank(), job.slot(), sent);
            }
            return true;
        } catch (RuntimeException e) {
            String message = "bank %s, slot %s: no plan could be made (attempt %d): %s".formatted(job.bank(), job.slot(), job.attempts(),
                    e.getMessage());
            if (e instanceof NotEnoughHistoryException) {
                log.warn(message);
            } else {
                log.error(message, e);
            }
            alerts.raise(new Alert(AlertKind.OPTIMIZER_FALLBACK, Severity.WARNING, job.bank().value(), message, clock.instant()));
            if (e instanceof NotEnoughHistoryException) {
                jobs.gaveUp(job, e.getMessage(), clock.instant());
            } else {
                jobs.failed(job, String.valueOf(e.getMessage()), clock.instant());
            }
            return false;
        } finally {
            sample.stop(bankTimer);
        }
    }

    /** The power the bank's controllable batteries can move, W: each battery's larger limit (its weight in the regional step). */
    public static long storageWatts(BankInputs inputs) {
        return inputs.feeders().stream().flatMap(f -> f.storage().stream())
                .mapToLong(s -> Math.max(s.maxCharge().watts(), s.maxDischarge().watts())).sum();
    }

    /** From the slot under way to the end of tomorrow (JST), so the day-ahead plan made at 12:00 covers all of the next day. */
    public static List<Slot> horizon(Slot first) {
        Slot last = Slot.of(first.date().plusDays(1), Slot.SLOTS_PER_DAY);
        List<Slot> slots = new ArrayList<>();
        for (Slot s = first; s.compareTo(last) <= 0; s = s.next()) {
            slots.add(s);
        }
        return slots;
    }
}
