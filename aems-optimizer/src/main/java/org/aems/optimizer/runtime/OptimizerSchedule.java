package org.aems.optimizer.runtime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.aems.core.time.Slot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one {@link OptimizerCycle} round per slot, {@code delay} after the slot begins (so the state of charge
 * reported at the boundary has been ingested). Checks every 15 s, so a round missed while the instance was
 * down or busy runs as soon as it can within the slot.
 */
public final class OptimizerSchedule implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OptimizerSchedule.class);

    private final OptimizerCycle cycle;
    private final Duration delay;
    private final Clock clock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "aems-optimizer-schedule");
        t.setDaemon(true);
        return t;
    });
    private Slot done;

    public OptimizerSchedule(OptimizerCycle cycle, Duration delay, Clock clock) {
        this.cycle = cycle;
        this.delay = delay;
        this.clock = clock;
    }

    public void start() {
        timer.scheduleWithFixedDelay(this::tick, 5, 15, TimeUnit.SECONDS);
    }

    private void tick() {
        try {
            Instant now = clock.instant();
            Slot slot = Slot.containing(now);
            if (!slot.equals(done) && !now.isBefore(slot.start().plus(delay))) {
                cycle.run();
                done = slot;
            }
        } catch (RuntimeException e) {
            log.error("optimizer round failed (retrying in 15 s): {}", e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
