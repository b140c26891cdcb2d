package org.aems.optimizer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.aems.optimizer.model.AggregatingSolver;
import org.aems.optimizer.model.BankModel;
import org.aems.optimizer.model.BankPlan;
import org.aems.optimizer.model.BankProblem;
import org.aems.optimizer.model.BankSolver;
import org.aems.optimizer.model.BaselinePlanner;
import org.aems.optimizer.model.SunnyBanks;

/**
 * Solve time of the bank LP at city scale (issue #5), not a test: per bank, the aggregated solve (batteries
 * merged per feeder, split back) next to the unaggregated one of the same problem in the same run, and the
 * baseline's cost. Run as docs/benchmarks.md says.
 */
public final class OptimizerBenchmark {

    public static void main(String[] args) throws Exception {
        int banks = Integer.getInteger("banks", 7);
        int feedersPerBank = Integer.getInteger("feedersPerBank", 3);
        int batteriesPerFeeder = Integer.getInteger("batteriesPerFeeder", 45);
        int evsPerFeeder = Integer.getInteger("evsPerFeeder", 5);
        boolean exact = !Boolean.getBoolean("aggregatedOnly");
        System.out.printf("bank LP, 48 slots: %d banks x %d feeders; per feeder %d batteries, %d EVs (%,d batteries, %,d EVs)%n", banks,
                feedersPerBank, batteriesPerFeeder, evsPerFeeder, banks * feedersPerBank * batteriesPerFeeder, banks * feedersPerBank * evsPerFeeder);
        BankSolver solver = new BankSolver("GLOP", Duration.ofSeconds(120));
        AggregatingSolver aggregating = new AggregatingSolver(solver);
        long aggregatedMs = 0;
        long exactMs = 0;
        double aggregatedYen = 0;
        double exactYen = 0;
        double baselineYen = 0;
        double unplaced = 0;
        List<BankProblem> problems = new ArrayList<>();
        for (int b = 0; b < banks; b++) {
            problems.add(SunnyBanks.of(feedersPerBank, batteriesPerFeeder, evsPerFeeder, 100 + b));
        }
        // The region: every bank's aggregated solve, in parallel on the machine's cores, wall clock.
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        long regionStart = System.nanoTime();
        List<Future<AggregatingSolver.Result>> futures = new ArrayList<>();
        for (BankProblem problem : problems) {
            futures.add(pool.submit(() -> aggregating.solve(problem).orElseThrow()));
        }
        List<AggregatingSolver.Result> results = new ArrayList<>();
        for (Future<AggregatingSolver.Result> f : futures) {
            results.add(f.get());
        }
        long regionMs = (System.nanoTime() - regionStart) / 1_000_000;
        pool.shutdown();
        for (int b = 0; b < banks; b++) {
            BankProblem problem = problems.get(b);
            AggregatingSolver.Result merged = results.get(b);
            long ms = merged.plan().solveTime().toMillis();
            aggregatedMs += ms;
            aggregatedYen += merged.plan().objective().amount().doubleValue();
            unplaced += merged.unplacedKwh();
            baselineYen += new BaselinePlanner().plan(problem).objective().amount().doubleValue();
            String line = "  bank %d: aggregated %,d ms (%s, %d breaches)".formatted(b, ms, merged.plan().source(), merged.plan().breaches().size());
            if (exact) {
                long s2 = System.nanoTime();
                BankPlan plan = solver.solve(problem).orElseThrow();
                long ms2 = (System.nanoTime() - s2) / 1_000_000;
                exactMs += ms2;
                exactYen += plan.objective().amount().doubleValue();
                try (BankModel model = BankModel.build(problem, "GLOP")) {
                    line += "; unaggregated %,d variables, %,d constraints: %,d ms (%s)".formatted(model.variables(), model.constraints(), ms2,
                            plan.source());
                }
            }
            System.out.println(line);
        }
        System.out.printf("region aggregated, %d banks in parallel on %d cores: %,d ms wall clock%n", banks,
                Runtime.getRuntime().availableProcessors(), regionMs);
        System.out.printf("sum of aggregated bank solves: %,d ms, objective %,.0f yen, split could not place %.1f kWh; baseline objective %,.0f yen%n",
                aggregatedMs, aggregatedYen, unplaced, baselineYen);
        if (exact) {
            System.out.printf("region unaggregated: %,d ms, objective %,.0f yen; aggregated/unaggregated objective %.4f, time ratio %.3f%n",
                    exactMs, exactYen, aggregatedYen / exactYen, (double) aggregatedMs / exactMs);
        }
        System.exit(0);
    }
}
