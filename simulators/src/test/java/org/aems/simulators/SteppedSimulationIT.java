package org.aems.simulators;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.aems.simulators.fault.FaultRates;
import org.aems.simulators.site.PhysicsOptions;
import org.aems.simulators.weather.Sky;
import org.aems.testing.MutableClock;
import org.aems.testing.TestInfrastructure;
import org.junit.jupiter.api.Test;

/**
 * A harness that moves the clock and waits for the simulation to play to it (the closed-loop evaluations) must be
 * able to count on every message up to then having been published. #4
 */
class SteppedSimulationIT {

    private static final Instant START = OffsetDateTime.parse("2026-05-10T06:00:00+09:00").toInstant();
    private static final Duration STEP = Duration.ofMinutes(5);

    @Test
    void aStepCountsAsPlayedOnlyOnceEveryMessageOfItIsPublished() throws Exception {
        MutableClock clock = new MutableClock(START);
        // 30 ms × 10,000 = 5-minute steps, never past the clock (catch-up), so each clock move plays exactly one step.
        SimulationSettings settings = new SimulationSettings(TestInfrastructure.mqttUrl(), 0, Duration.ofMillis(30), 10_000, START,
                42, 0, FaultRates.NONE, Optional.empty(), Optional.of(Sky.CLEAR), Optional.empty(), PhysicsOptions.DEFAULT,
                Optional.empty(), true);
        try (Simulation simulation = new Simulation(BundledRegions.scenario("demo"), settings, clock)) {
            simulation.start();
            long sites = BundledRegions.scenario("demo").region().sites().size();
            for (int k = 1; k <= 24; k++) {
                Instant to = START.plus(STEP.multipliedBy(k));
                clock.set(to);
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (simulation.simulatedTime().isBefore(to)) {
                    assertThat(System.nanoTime()).as("the simulation did not play to %s within 20 s", to).isLessThan(deadline);
                    Thread.onSpinWait();
                }
                assertThat(simulation.messagesPublished()).as("telemetry published once played to %s", to).isEqualTo(sites * k);
            }
        }
    }
}
