package org.aems.simulators;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SimulatedTimelineTest {

    static final Instant START = Instant.parse("2026-05-19T13:00:00Z");
    static final Instant WALL = Instant.parse("2026-05-20T01:00:00Z"); // 12 h after the start
    static final Duration HALF_HOUR = Duration.ofMinutes(30); // 1 s interval at x1800

    @Test
    void withoutCatchUpEveryStepHasTheSpeedsLengthEvenPastTheWallClock() {
        SimulatedTimeline timeline = new SimulatedTimeline(START, HALF_HOUR, 1800, false);
        for (int k = 1; k <= 30; k++) {
            SimulatedTimeline.Step step = timeline.next(WALL).orElseThrow();
            assertThat(step.length()).isEqualTo(HALF_HOUR);
            assertThat(step.to()).isEqualTo(START.plus(HALF_HOUR.multipliedBy(k)));
        }
        assertThat(timeline.end()).isAfter(WALL);
    }

    @Test
    void catchingUpPlaysFastUntilTheWallClockThenFollowsIt() {
        SimulatedTimeline timeline = new SimulatedTimeline(START, HALF_HOUR, 1800, true);
        Instant wall = WALL;
        for (int k = 1; k <= 24; k++) {
            wall = wall.plusSeconds(1);
            SimulatedTimeline.Step step = timeline.next(wall).orElseThrow();
            assertThat(step.length()).as("tick %d", k).isEqualTo(HALF_HOUR);
        }
        assertThat(timeline.end()).isEqualTo(WALL); // 24 × 30 min = the 12 h behind
        // Caught up: the 25th tick covers only the 25 s the wall clock moved since the start, the next ones one second each.
        wall = wall.plusSeconds(1);
        SimulatedTimeline.Step caughtUp = timeline.next(wall).orElseThrow();
        assertThat(caughtUp.to()).isEqualTo(wall);
        assertThat(caughtUp.length()).isEqualTo(Duration.ofSeconds(25));
        for (int k = 0; k < 5; k++) {
            wall = wall.plusSeconds(1);
            SimulatedTimeline.Step live = timeline.next(wall).orElseThrow();
            assertThat(live.to()).isEqualTo(wall);
            assertThat(live.length()).isEqualTo(Duration.ofSeconds(1));
        }
    }

    @Test
    void aTickBeforeTheWallClockMovedSimulatesNothingAndNeverGoesBack() {
        SimulatedTimeline timeline = new SimulatedTimeline(START, HALF_HOUR, 1800, true);
        SimulatedTimeline.Step first = timeline.next(START.plusSeconds(10)).orElseThrow();
        assertThat(first.to()).isEqualTo(START.plusSeconds(10));
        assertThat(timeline.next(START.plusSeconds(10))).isEmpty();
        assertThat(timeline.next(START.plusSeconds(5))).as("the wall clock stepped back").isEmpty();
        assertThat(timeline.end()).isEqualTo(START.plusSeconds(10));
    }

    @Test
    void simulatedNowNeverPassesTheWallClockWhenCatchingUp() {
        Instant wallStart = WALL;
        SimulatedTimeline catching = new SimulatedTimeline(START, HALF_HOUR, 1800, true);
        SimulatedTimeline plain = new SimulatedTimeline(START, HALF_HOUR, 1800, false);
        assertThat(catching.now(wallStart, wallStart.plusSeconds(10))).isEqualTo(START.plus(Duration.ofHours(5)));
        assertThat(catching.now(wallStart, wallStart.plusSeconds(100))).isEqualTo(wallStart.plusSeconds(100));
        assertThat(plain.now(wallStart, wallStart.plusSeconds(100))).isEqualTo(START.plus(Duration.ofHours(50)));
    }
}
