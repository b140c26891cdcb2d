package org.aems.simulators;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where each tick's simulated step ends. Plain: tick k ends at {@code start + k × step}, however far ahead of the wall
 * clock that goes. With catch-up, a run that starts in the past plays at its speed until it reaches the wall clock and
 * then in real time: a step never ends after the wall clock, so once caught up each step is what the wall clock moved
 * since the last one. That is a rehearsal's shape: yesterday replayed in a minute, then live, and the platform's clock
 * and the gateways' timestamps agree.
 */
public final class SimulatedTimeline {

    /** One simulated step: it ends at {@code to} and covers {@code length} before it. */
    public record Step(Instant to, Duration length) {
    }

    private final Instant start;
    private final Duration fastStep;
    private final double speed;
    private final boolean catchUp;
    private Instant end;

    public SimulatedTimeline(Instant start, Duration fastStep, double speed, boolean catchUp) {
        this.start = Objects.requireNonNull(start, "start");
        this.fastStep = Objects.requireNonNull(fastStep, "fastStep");
        this.speed = speed;
        this.catchUp = catchUp;
        this.end = start;
    }

    /**
     * The next step at wall time {@code wallNow}, and it becomes the last one; empty when catching up and the wall clock
     * has not moved past the last step's end (nothing to simulate yet).
     */
    public synchronized Optional<Step> next(Instant wallNow) {
        Instant to = end.plus(fastStep);
        if (catchUp && to.isAfter(wallNow)) {
            if (!wallNow.isAfter(end)) {
                return Optional.empty();
            }
            to = wallNow;
        }
        Step step = new Step(to, Duration.between(end, to));
        end = to;
        return Optional.of(step);
    }

    /** End of the last step, the start before the first. */
    public synchronized Instant end() {
        return end;
    }

    /** Simulated time at {@code wallNow}, between ticks too, for a run whose first tick was due at {@code wallStart}. */
    public Instant now(Instant wallStart, Instant wallNow) {
        Instant played = start.plusMillis((long) (Duration.between(wallStart, wallNow).toMillis() * speed));
        return catchUp && played.isAfter(wallNow) ? wallNow : played;
    }
}
