package org.aems.simulators;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.aems.core.region.RegionFileException;
import org.aems.core.time.Jst;
import org.aems.simulators.fault.FaultRates;
import org.aems.simulators.mqtt.BrokerLogin;
import org.aems.simulators.scenario.Scenario;
import org.aems.simulators.site.PhysicsOptions;
import org.aems.simulators.weather.Sky;
import org.aems.simulators.weather.WeatherRecord;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar simulators/target/simulators-*-cli.jar --broker tcp://127.0.0.1:1883 --sites 50}:
 * plays a region's gateways until Ctrl-C or {@code --duration}, then prints a summary.
 */
@Command(name = "aems-simulator", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Publishes simulated telemetry for a region's sites over MQTT (wire format aems.telemetry.v1), "
                + "executes the platform's commands and injects gateway faults on demand.")
public final class SimulatorCommand implements Callable<Integer> {

    @Option(names = "--broker", defaultValue = "tcp://127.0.0.1:1883", description = "MQTT broker URL (default: ${DEFAULT-VALUE})")
    String broker;

    @Option(names = "--username", description = "broker account for every connection, e.g. aems-simulator (docs/security.md); "
            + "default: each site's id, no password")
    String username;

    @Option(names = "--password", defaultValue = "${env:AEMS_SIMULATOR_PASSWORD}",
            description = "its password; default: the environment variable AEMS_SIMULATOR_PASSWORD (keeps it out of ps)")
    String password;

    @Option(names = "--region", defaultValue = "demo", description = "bundled region name or region file path (default: ${DEFAULT-VALUE})")
    String region;

    @Option(names = "--sites", defaultValue = "0", description = "play only the first N sites (0 = all)")
    int sites;

    @Option(names = "--interval", description = "wall time between messages of a site, ISO-8601 "
            + "(default: the scenario's simulation.publishInterval, else PT5S)")
    Duration interval;

    @Option(names = "--speed", defaultValue = "1", description = "simulated seconds per real second, e.g. 60 (default: ${DEFAULT-VALUE})")
    double speed;

    @Option(names = "--start", description = "simulated start: a date (00:00 JST) such as 2026-05-12, or ISO-8601 with offset "
            + "such as 2026-05-12T10:00:00+09:00 (default: now)")
    String start;

    @Option(names = "--seed", description = "random seed (default: the scenario's simulation.seed, else 42)")
    Long seed;

    @Option(names = "--sky", description = "force every day's sky: ${COMPLETION-CANDIDATES} (default: seeded weather)")
    Sky sky;

    @Option(names = "--weather-replay", description = "replay real weather from a CSV 'jst_time,clear_sky_index,air_temp_c' "
            + "(either value column may be left out or empty) on the dates each covers, e.g. written by RealismCheck --replay-out; "
            + "without recorded temperatures the air temperature follows the replayed sunshine")
    Path weatherReplay;

    @Option(names = "--catch-up", description = "with a --start in the past: play at --speed until the simulated clock reaches "
            + "now, then in real time (a rehearsal that replays the past and goes on live)")
    boolean catchUp;

    @Option(names = "--duration", description = "stop after this wall time, ISO-8601, e.g. PT10M (default: run until Ctrl-C)")
    Duration duration;

    @Option(names = "--connections", defaultValue = "0", description = "MQTT connections the sites share "
            + "(0 = one per site up to 100 sites, else 16)")
    int connections;

    @Option(names = "--truth", description = "write ground truth CSV (sites.csv, commands.csv, faults.csv) into this directory")
    Path truth;

    @Option(names = "--registers", description = "keep the meters' and inverters' cumulative registers in this file between "
            + "runs, as real meters keep them; without it each run starts them at their seeded values again, below what "
            + "AEMS stored before, and ingest refuses those readings (REGISTER_DECREASED)")
    Path registers;

    @Option(names = "--fault-late", defaultValue = "0", description = "share of messages held back 2-10 intervals")
    double late;

    @Option(names = "--fault-duplicate", defaultValue = "0", description = "share of messages sent twice")
    double duplicate;

    @Option(names = "--fault-out-of-order", defaultValue = "0", description = "share of messages sent after the next one")
    double outOfOrder;

    @Option(names = "--fault-malformed", defaultValue = "0", description = "share of messages followed by a broken payload")
    double malformed;

    @Option(names = "--fault-skewed-sites", defaultValue = "0", description = "share of gateways with a clock off by 30 s - 10 min")
    double skewedSites;

    @Option(names = "--fault-offline-per-day", defaultValue = "0", description = "offline periods (10 min - 2 h, then a "
            + "backfill burst) per site and simulated day")
    double offlinePerDay;

    @Option(names = "--meter-replacements-per-year", defaultValue = "0.1", description = "meter swaps per meter and year "
            + "(default: ${DEFAULT-VALUE})")
    double meterReplacements;

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
        Instant startAt;
        try {
            startAt = parseStart(start);
        } catch (DateTimeParseException e) {
            System.err.println("--start must be a date such as 2026-05-12 or ISO-8601 with offset, was '" + start + "'");
            return 2;
        }
        Optional<WeatherRecord> replay = Optional.empty();
        if (weatherReplay != null) {
            try {
                replay = Optional.of(WeatherRecord.read(weatherReplay));
            } catch (IllegalArgumentException | java.io.IOException e) {
                System.err.println("--weather-replay: " + e.getMessage());
                return 2;
            }
        }
        Duration publishEvery = interval != null ? interval : scenario.settings().publishInterval().orElse(Duration.ofSeconds(5));
        long runSeed = seed != null ? seed : scenario.settings().seed().orElse(42);
        SimulationSettings settings = new SimulationSettings(broker, sites, publishEvery, speed, startAt, runSeed, connections,
                new FaultRates(late, duplicate, outOfOrder, malformed, skewedSites, offlinePerDay), Optional.ofNullable(truth),
                Optional.ofNullable(sky), replay, new PhysicsOptions(PhysicsOptions.DEFAULT.meterNearRolloverShare(), meterReplacements),
                Optional.ofNullable(registers), catchUp);
        if (username != null && password == null) {
            System.err.println("--username needs a password: --password or AEMS_SIMULATOR_PASSWORD");
            return 2;
        }
        Simulation simulation = new Simulation(scenario, settings, Clock.systemUTC(),
                Optional.ofNullable(username).map(u -> new BrokerLogin(u, password)));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulation.close();
            stopped.countDown();
        }, "aems-simulator-shutdown"));
        simulation.start();
        if (duration != null) {
            Thread.sleep(duration.toMillis());
            simulation.close(); // logs the summary
            return 0;
        }
        stopped.await();
        return 0;
    }

    /** A JST date (start of that day) or an ISO-8601 instant with offset; null: now. */
    public static Instant parseStart(String text) {
        if (text == null) {
            return Instant.now();
        }
        if (text.length() == 10) {
            return LocalDate.parse(text).atStartOfDay(Jst.ZONE).toInstant();
        }
        return OffsetDateTime.parse(text).toInstant();
    }
}
