package org.aems.optimizer.plan;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.aems.core.time.Jst;
import org.aems.optimizer.runtime.NotEnoughHistoryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores tomorrow's market plan once it is due (09:30 JST, half an hour before the JEPX day-ahead auction closes),
 * so what was proposed is on record and does not change when the history behind it is corrected later. Checks
 * every minute; an instance that was down at 09:30 proposes as soon as it is back (from the 09:30 history), and
 * of several instances only the first stores.
 */
public final class MarketPlanProposer implements AutoCloseable {

    static final String BY = "scheduler";
    private static final Logger log = LoggerFactory.getLogger(MarketPlanProposer.class);

    private final MarketPlanQuery query;
    private final MarketPlanStore store;
    private final Clock clock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "aems-market-plan");
        t.setDaemon(true);
        return t;
    });
    private LocalDate warnedFor;

    public MarketPlanProposer(MarketPlanQuery query, MarketPlanStore store, Clock clock) {
        this.query = query;
        this.store = store;
        this.clock = clock;
    }

    public void start() {
        timer.scheduleWithFixedDelay(() -> {
            try {
                proposeIfDue(clock.instant());
            } catch (RuntimeException e) {
                log.error("market plan proposal failed (retrying in a minute): {}", e.getMessage(), e);
            }
        }, 20, 60, TimeUnit.SECONDS);
    }

    /** Stores tomorrow's plan if {@code now} is past today's 09:30 JST and none is stored yet. */
    public Optional<MarketPlanStore.Stored> proposeIfDue(Instant now) {
        LocalDate today = Jst.toJst(now).toLocalDate();
        LocalDate tomorrow = today.plusDays(1);
        if (now.isBefore(today.atTime(MarketPlanQuery.PROPOSAL_DUE).atZone(Jst.ZONE).toInstant()) || !store.versions(tomorrow).isEmpty()) {
            return Optional.empty();
        }
        try {
            Optional<MarketPlanStore.Stored> stored = store.storeFirst(query.day(tomorrow, now), now, BY);
            stored.ifPresent(s -> log.info("market plan proposed [day: {}, version: {}, issued at: {}]", tomorrow, s.version(),
                    Jst.toJst(s.plan().issuedAt())));
            return stored;
        } catch (NotEnoughHistoryException e) {
            if (!tomorrow.equals(warnedFor)) {
                warnedFor = tomorrow;
                log.warn("no market plan proposed for {}: {}", tomorrow, e.getMessage());
            }
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
