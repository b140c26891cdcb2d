package org.aems.ingest.watch;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs ingest's watches on one daemon thread every {@link WatchSettings#interval()}. */
public final class IngestWatchdog implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IngestWatchdog.class);

    private final List<Consumer<java.time.Instant>> watches;
    private final WatchSettings settings;
    private final Clock clock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "aems-ingest-watch");
        t.setDaemon(true);
        return t;
    });

    public IngestWatchdog(List<Consumer<java.time.Instant>> watches, WatchSettings settings, Clock clock) {
        this.watches = List.copyOf(watches);
        this.settings = settings;
        this.clock = clock;
    }

    public void start() {
        long millis = settings.interval().toMillis();
        timer.scheduleWithFixedDelay(this::checkAll, millis, millis, TimeUnit.MILLISECONDS);
    }

    private void checkAll() {
        for (Consumer<java.time.Instant> watch : watches) {
            try {
                watch.accept(clock.instant());
            } catch (RuntimeException e) {
                // Usually the database holding the alerts is down; the store's own alert covers that.
                log.debug("an ingest watch could not record its alert: {}", e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
