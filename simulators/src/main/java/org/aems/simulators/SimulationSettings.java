package org.aems.simulators;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * @param brokerUrl MQTT broker the gateways connect to
 * @param maxSites  play only the first N sites of the region (0 = all)
 * @param interval  wall-clock time between two telemetry messages of a site
 * @param speed     simulated seconds per wall-clock second (1 = real time, 60 = a minute per second)
 * @param start     simulated time at the start of the run
 * @param seed      same seed, same region behaviour
 */
public record SimulationSettings(String brokerUrl, int maxSites, Duration interval, double speed, Instant start, long seed) {
    public SimulationSettings {
        Objects.requireNonNull(brokerUrl, "brokerUrl");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(start, "start");
        if (maxSites < 0) {
            throw new IllegalArgumentException("sites must be >= 0 (0 = all), was " + maxSites);
        }
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive, was " + interval);
        }
        if (!(speed > 0) || speed > 10_000) {
            throw new IllegalArgumentException("speed must be within (0, 10000], was " + speed);
        }
    }
}
