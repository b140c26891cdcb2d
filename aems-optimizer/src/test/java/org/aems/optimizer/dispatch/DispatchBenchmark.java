package org.aems.optimizer.dispatch;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.aems.core.grid.DeviceId;
import org.aems.core.grid.SiteId;
import org.aems.core.telemetry.Command;
import org.aems.testing.MosquittoProcess;
import org.aems.testing.TestInfrastructure;

/**
 * Dispatch throughput (issue #5), not a test: N commands through the outbox to the real broker until every one
 * is SENT (its PUBACK recorded), once with a window of 1 (publish, wait for the PUBACK, publish the next: the
 * old behaviour) and once with the window the broker's Receive Maximum allows, alternating in the same run.
 * Run as docs/benchmarks.md says.
 */
public final class DispatchBenchmark {

    public static void main(String[] args) throws Exception {
        int commands = Integer.getInteger("commands", 10_000);
        int rounds = Integer.getInteger("rounds", 3);
        int cap = Integer.getInteger("maxInFlight", DispatchSettings.DEFAULT_MAX_IN_FLIGHT);
        // -DtunedBroker=true: a broker of our own with docker/mosquitto/mosquitto.conf (Receive Maximum 1000), not the
        // machine's (Mosquitto's default 20).
        MosquittoProcess tuned = Boolean.getBoolean("tunedBroker") ? MosquittoProcess.startWithRepositoryConfig() : null;
        try {
            benchmark(tuned == null ? TestInfrastructure.mqttUrl() : tuned.url(), commands, rounds, cap);
        } finally {
            if (tuned != null) {
                tuned.close();
            }
        }
    }

    private static void benchmark(String url, int commands, int rounds, int cap) throws Exception {
        System.out.printf("dispatch: %,d SET_POWER commands to %,d sites over %s, %d rounds%n", commands, commands, url, rounds);
        List<Long> oneMs = new ArrayList<>();
        List<Long> windowMs = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            Run one = run(url, commands, 1, "r" + round + "w1");
            Run windowed = run(url, commands, cap, "r" + round + "wn");
            System.out.printf("round %d: window 1: store %,d ms, publish %,d ms (%,.0f/s) | window %d: store %,d ms, publish %,d ms (%,.0f/s)"
                            + " | ratio %.1fx%n", round, one.storeMs, one.publishMs, one.rate(commands), windowed.window, windowed.storeMs,
                    windowed.publishMs, windowed.rate(commands), (double) one.publishMs / windowed.publishMs);
            oneMs.add(one.publishMs);
            windowMs.add(windowed.publishMs);
        }
        long bestOne = oneMs.stream().mapToLong(Long::longValue).min().orElseThrow();
        long bestWindow = windowMs.stream().mapToLong(Long::longValue).min().orElseThrow();
        System.out.printf("best of %d: window 1 %,d ms, windowed %,d ms, ratio %.1fx%n", rounds, bestOne, bestWindow, (double) bestOne / bestWindow);
    }

    private record Run(int window, long storeMs, long publishMs) {
        double rate(int commands) {
            return commands * 1000.0 / Math.max(1, publishMs);
        }
    }

    private static Run run(String url, int n, int maxInFlight, String tag) throws Exception {
        CommandStore store = new CommandStore(DispatchIT.migratedDatabase());
        // No gateway answers: a long acknowledgement timeout keeps the sweep from marking commands NO_ACK meanwhile.
        DispatchSettings settings = new DispatchSettings(url, "dispatch-bench-" + tag + "-" + System.nanoTime(), null, null, "",
                Duration.ofHours(1), Duration.ofMinutes(10), maxInFlight);
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        try (Dispatcher dispatcher = new Dispatcher(store, settings, metrics, Clock.systemUTC())) {
            dispatcher.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (!(dispatcher.connected() && (maxInFlight == 1 || dispatcher.windowSize() > 1))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("dispatch did not connect to " + url + " within 15 s");
                }
                Thread.sleep(10);
            }
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            List<Command> batch = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                batch.add(new Command("bench-" + tag + "-" + i, SiteId.of("bench-%05d".formatted(i)), DeviceId.of("bat-1"),
                        Command.Action.SET_POWER, BigDecimal.valueOf(1_000 + i % 2_000), now, now.plus(Duration.ofMinutes(30)), now));
            }
            long start = System.nanoTime();
            dispatcher.dispatch(batch, "benchmark", Optional.of("bench"));
            long stored = System.nanoTime();
            // Done when n commands are recorded SENT (the counter moves after each batched UPDATE); polling the table
            // instead would load the database the dispatcher is writing to.
            while (metrics.counter("aems.dispatch.commands", "status", "SENT").count() < n) {
                if (System.nanoTime() - stored > Duration.ofMinutes(5).toNanos()) {
                    throw new IllegalStateException("not all commands SENT within 5 minutes");
                }
                Thread.sleep(1);
            }
            long done = System.nanoTime();
            long sent = store.count(Optional.empty(), Optional.of(CommandStatus.SENT));
            if (sent != n) {
                throw new IllegalStateException(sent + " commands SENT in the table, " + n + " expected");
            }
            return new Run(dispatcher.windowSize(), (stored - start) / 1_000_000, (done - stored) / 1_000_000);
        }
    }
}
