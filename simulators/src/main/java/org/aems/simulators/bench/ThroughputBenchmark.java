package org.aems.simulators.bench;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.aems.simulators.BundledRegions;
import org.aems.simulators.Simulation;
import org.aems.simulators.SimulationSettings;
import org.aems.simulators.fault.FaultRates;
import org.aems.simulators.mqtt.MqttLink;
import org.aems.simulators.scenario.Scenario;
import org.aems.simulators.site.PhysicsOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * How many messages per second one simulator process sustains for a region at accelerated time
 * (docs/benchmarks.md, "Simulator throughput"). First a reference in the same run: one pooled connection
 * publishing a fixed telemetry-sized payload as fast as the broker acknowledges; then the simulator.
 */
@Command(name = "aems-simulator-benchmark", mixinStandardHelpOptions = true,
        description = "Measures the simulator's sustained MQTT message rate and peak heap.")
public final class ThroughputBenchmark implements Callable<Integer> {

    @Option(names = "--broker", defaultValue = "tcp://127.0.0.1:1883", description = "MQTT broker (default: ${DEFAULT-VALUE})")
    String broker;

    @Option(names = "--region", defaultValue = "odawara", description = "region (default: ${DEFAULT-VALUE})")
    String region;

    @Option(names = "--interval", defaultValue = "PT3S", description = "wall time between two messages of a site (default: ${DEFAULT-VALUE})")
    Duration interval;

    @Option(names = "--speed", defaultValue = "60", description = "simulated seconds per second (default: ${DEFAULT-VALUE})")
    double speed;

    @Option(names = "--duration", defaultValue = "PT90S", description = "measured wall time (default: ${DEFAULT-VALUE})")
    Duration duration;

    @Option(names = "--connections", defaultValue = "0", description = "shared MQTT connections (0 = automatic)")
    int connections;

    public static void main(String[] args) {
        System.exit(new CommandLine(new ThroughputBenchmark()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        double reference = reference();
        Scenario scenario = BundledRegions.scenario(region);
        Instant start = Instant.parse("2026-07-01T00:00:00Z");
        Simulation simulation = new Simulation(scenario, new SimulationSettings(broker, 0, interval, speed, start,
                scenario.settings().seed().orElse(42), connections, FaultRates.NONE, Optional.empty(), Optional.empty(),
                Optional.empty(), PhysicsOptions.DEFAULT, Optional.empty()), Clock.systemUTC());
        simulation.start();
        Thread.sleep(Math.min(10_000, duration.toMillis() / 5)); // warm-up: JIT, first bursts
        long m0 = simulation.stats().messages();
        long t0 = System.nanoTime();
        Thread.sleep(duration.toMillis());
        long m1 = simulation.stats().messages();
        double seconds = (System.nanoTime() - t0) / 1e9;
        double rate = (m1 - m0) / seconds;
        simulation.close();
        long failed = simulation.stats().failed.get();
        System.out.println(simulation.summary());
        System.out.printf(Locale.ROOT, "%nsimulator: %d sites, interval %s, x%.0f: %.0f msg/s sustained over %.0f s (offered %.0f msg/s), "
                        + "failed %d; reference (one connection, fixed payload): %.0f msg/s; ratio %.2f; peak heap %d MB%n",
                simulation.sites(), interval, speed, rate, seconds, simulation.sites() * 1000.0 / interval.toMillis(), failed,
                reference, rate / reference, Simulation.peakHeapMegabytes());
        return 0;
    }

    /** One connection publishing a fixed 1.1 KB payload for 10 s: what Paho and the broker allow here. */
    private double reference() throws Exception {
        MqttLink link = new MqttLink(broker, "aems-sim-bench-ref-" + System.nanoTime(), "aems-simulator", null, null,
                (t, p) -> {
                }, () -> {
                });
        link.awaitConnected(link.connect(), 1_000);
        byte[] payload = new byte[1_100];
        java.util.Arrays.fill(payload, (byte) 'x');
        long n = 0;
        long end = System.nanoTime() + 10_000_000_000L;
        long t0 = System.nanoTime();
        while (System.nanoTime() < end) {
            link.publish("aems/v1/bench/reference", payload, false);
            n++;
        }
        link.drain(10_000);
        double rate = n / ((System.nanoTime() - t0) / 1e9);
        link.close();
        return rate;
    }
}
