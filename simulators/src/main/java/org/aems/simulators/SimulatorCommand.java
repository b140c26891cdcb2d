package org.aems.simulators;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.aems.core.grid.Region;
import org.aems.core.region.RegionFileException;
import org.aems.simulators.scenario.Scenario;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar simulators/target/simulators-*-cli.jar --broker tcp://127.0.0.1:1883 --sites 50}:
 * plays a region's gateways until Ctrl-C or {@code --duration}.
 */
@Command(name = "aems-simulator", mixinStandardHelpOptions = true,
        description = "Publishes simulated telemetry for a region's sites over MQTT (wire format aems.telemetry.v1).")
public final class SimulatorCommand implements Callable<Integer> {

    @Option(names = "--broker", defaultValue = "tcp://127.0.0.1:1883", description = "MQTT broker URL (default: ${DEFAULT-VALUE})")
    String broker;

    @Option(names = "--region", defaultValue = "demo", description = "bundled region name or region file path (default: ${DEFAULT-VALUE})")
    String region;

    @Option(names = "--sites", defaultValue = "0", description = "play only the first N sites (0 = all)")
    int sites;

    @Option(names = "--interval", description = "wall time between messages of a site, ISO-8601 "
            + "(default: the scenario's simulation.publishInterval, else PT5S)")
    Duration interval;

    @Option(names = "--speed", defaultValue = "1", description = "simulated seconds per real second (default: ${DEFAULT-VALUE})")
    double speed;

    @Option(names = "--start", description = "simulated start, ISO-8601 with offset, e.g. 2026-05-12T10:00:00+09:00 "
            + "(default: now)")
    OffsetDateTime start;

    @Option(names = "--seed", description = "random seed (default: the scenario's simulation.seed, else 42)")
    Long seed;

    @Option(names = "--duration", description = "stop after this wall time, ISO-8601, e.g. PT10M (default: run until Ctrl-C)")
    Duration duration;

    public static void main(String[] args) {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "aems-simulator-logback.xml");
        }
        System.exit(new CommandLine(new SimulatorCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Scenario scenario;
        try {
            scenario = BundledRegions.scenario(region);
        } catch (RegionFileException | IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        Region loaded = scenario.region();
        Instant startAt = start == null ? Instant.now() : start.toInstant();
        Duration publishEvery = interval != null ? interval : scenario.settings().publishInterval().orElse(Duration.ofSeconds(5));
        long runSeed = seed != null ? seed : scenario.settings().seed().orElse(42);
        Simulation simulation = new Simulation(loaded, new SimulationSettings(broker, sites, publishEvery, speed, startAt, runSeed),
                Clock.systemUTC());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulation.close();
            stopped.countDown();
        }, "aems-simulator-shutdown"));
        simulation.start();
        if (duration != null) {
            Thread.sleep(duration.toMillis());
            simulation.close();
            return 0;
        }
        stopped.await();
        return 0;
    }
}
