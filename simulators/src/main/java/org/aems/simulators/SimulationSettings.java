package org.aems.simulators;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.aems.simulators.fault.FaultRates;
import org.aems.simulators.site.PhysicsOptions;
import org.aems.simulators.weather.WeatherRecord;
import org.aems.simulators.weather.Sky;

/**
 * @param brokerUrl   MQTT broker the gateways connect to
 * @param maxSites    play only the first N sites of the region (0 = all)
 * @param interval    wall-clock time between two telemetry messages of a site; each is one simulated step of
 *                    {@code interval × speed}
 * @param speed       simulated seconds per wall-clock second (1 = real time, 60 = a minute per second)
 * @param start       simulated time at the start of the run
 * @param seed        same seed, same region behaviour
 * @param connections MQTT connections the sites share (0 = one per site up to 100 sites, else 16)
 * @param faults      gateway faults to inject
 * @param truth       directory for the ground-truth CSV files, if wanted
 * @param sky         force every simulated day to this kind of sky, else the seeded weather decides
 * @param replay      real weather (cloudiness, air temperature) to replay on the dates it covers (the seeded weather, or
 *                    {@code sky}, elsewhere)
 * @param physics     rare meter events
 * @param registers   file that keeps the meters' and inverters' cumulative registers between runs, if wanted
 *                    ({@link org.aems.simulators.meter.RegisterMemory})
 * @param catchUp     play at {@code speed} only until the simulated clock reaches the wall clock, then in real time
 *                    ({@link SimulatedTimeline}); for a start in the past that should end up live
 */
public record SimulationSettings(String brokerUrl, int maxSites, Duration interval, double speed, Instant start, long seed,
                                 int connections, FaultRates faults, Optional<Path> truth, Optional<Sky> sky,
                                 Optional<WeatherRecord> replay, PhysicsOptions physics,
                                 Optional<Path> registers, boolean catchUp) {
    public SimulationSettings {
        Objects.requireNonNull(brokerUrl, "brokerUrl");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(faults, "faults");
        Objects.requireNonNull(truth, "truth");
        Objects.requireNonNull(sky, "sky");
        Objects.requireNonNull(replay, "replay");
        Objects.requireNonNull(physics, "physics");
        Objects.requireNonNull(registers, "registers");
        if (maxSites < 0) {
            throw new IllegalArgumentException("sites must be >= 0 (0 = all), was " + maxSites);
        }
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive, was " + interval);
        }
        if (!(speed > 0) || speed > 10_000) {
            throw new IllegalArgumentException("speed must be within (0, 10000], was " + speed);
        }
        if (connections < 0) {
            throw new IllegalArgumentException("connections must be >= 0 (0 = automatic), was " + connections);
        }
    }

    /** Plays at {@code speed} throughout, however far ahead of the wall clock. */
    public SimulationSettings(String brokerUrl, int maxSites, Duration interval, double speed, Instant start, long seed,
                              int connections, FaultRates faults, Optional<Path> truth, Optional<Sky> sky,
                              Optional<WeatherRecord> replay, PhysicsOptions physics, Optional<Path> registers) {
        this(brokerUrl, maxSites, interval, speed, start, seed, connections, faults, truth, sky, replay, physics, registers, false);
    }

    /** No faults, no ground truth, seeded weather, default meter events. */
    public SimulationSettings(String brokerUrl, int maxSites, Duration interval, double speed, Instant start, long seed) {
        this(brokerUrl, maxSites, interval, speed, start, seed, 0, FaultRates.NONE, Optional.empty(), Optional.empty(),
                Optional.empty(), PhysicsOptions.DEFAULT, Optional.empty());
    }

    /** The same run, keeping the cumulative registers in {@code file} between runs. */
    public SimulationSettings withRegisters(Path file) {
        return new SimulationSettings(brokerUrl, maxSites, interval, speed, start, seed, connections, faults, truth, sky, replay,
                physics, Optional.of(file), catchUp);
    }

    /** The same run, with or without catching up with the wall clock. */
    public SimulationSettings withCatchUp(boolean catchUp) {
        return new SimulationSettings(brokerUrl, maxSites, interval, speed, start, seed, connections, faults, truth, sky, replay,
                physics, registers, catchUp);
    }

    /** The simulated time one publish interval covers. */
    public Duration step() {
        return Duration.ofMillis(Math.max(1, Math.round(interval.toMillis() * speed)));
    }
}
