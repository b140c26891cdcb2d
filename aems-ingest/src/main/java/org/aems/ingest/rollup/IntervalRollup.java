package org.aems.ingest.rollup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.aems.core.time.Slot;
import org.aems.core.time.SlotRange;
import org.aems.ingest.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@code site_interval} and {@code feeder_interval} up to date (ADR 0008). Each {@link #run()}:
 * <ol>
 *   <li>takes the cluster-wide rollup lock ({@code pg_try_advisory_xact_lock}); if another instance holds
 *       it, returns at once: with N ingest instances one rolls up at a time;
 *   <li>finds the site-slots whose readings arrived since the watermark (rescanning {@code overlap} back,
 *       because {@code received_at} is stamped before commit), plus every registered site's slots that
 *       closed since the last run, so gaps become MISSING rows rather than absent ones;
 *   <li>computes them in batches ({@link IntervalCalculator}, fed by one query per batch), upserts them,
 *       recomputes their feeders' intervals, and advances the watermark;
 * </ol>
 * all in one transaction: a failed run changes nothing and the next one redoes it. A slot is computed
 * once it ended {@code closeDelay} ago, so within a minute of closing with the defaults; late data
 * recomputes it (revision + 1 when the values change).
 */
public final class IntervalRollup {

    private static final Logger log = LoggerFactory.getLogger(IntervalRollup.class);
    /** The advisory lock key: "AEMSROLL" in ASCII. */
    static final long LOCK_KEY = 0x41454D53524F4C4CL;
    /** A run catches up at most a day of closed slots (after downtime); the next run continues. */
    static final int MAX_CLOSED_SLOTS_PER_RUN = Slot.SLOTS_PER_DAY;

    private final DataSource dataSource;
    private final Clock clock;
    private final RollupSettings settings;
    private final RollupMetrics metrics;
    private final IntervalCalculator calculator;
    private final SlotFinder finder;
    private final SlotReadingsQuery readings;
    private final IntervalWriter writer = new IntervalWriter();
    private final WatermarkTable watermarks = new WatermarkTable();

    public IntervalRollup(DataSource dataSource, Clock clock, RollupSettings settings, RollupMetrics metrics) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.calculator = new IntervalCalculator(settings.maxGap(), settings.maxSitePower());
        this.finder = new SlotFinder(settings.maxGap(), settings.powerHold());
        this.readings = new SlotReadingsQuery(settings.maxGap(), settings.powerHold(), settings.maxSitePower());
    }

    /**
     * One rollup run.
     *
     * @return what it did; {@link RollupRun#ran()} is false when another instance holds the lock
     * @throws StoreException when the database fails; nothing of the run is kept and the next run redoes it
     */
    public RollupRun run() {
        long started = System.nanoTime();
        Instant now = clock.instant();
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                if (!tryLock(c)) {
                    c.rollback();
                    log.debug("rollup skipped: another instance holds the lock");
                    return RollupRun.skipped(Duration.ofNanos(System.nanoTime() - started));
                }
                RollupRun run = runLocked(c, now, started);
                c.commit();
                report(run);
                return run;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new StoreException("interval rollup failed: " + e.getMessage(), e);
        }
    }

    private RollupRun runLocked(Connection c, Instant now, long started) throws SQLException {
        Instant closable = now.minus(settings.closeDelay());
        RollupWatermark watermark = watermarks.read(c);

        Set<SiteSlot> due = new TreeSet<>();
        Optional<Instant> latest = finder.latestReceived(c);
        if (latest.isPresent()) {
            Optional<Instant> after = watermark.scannedUntil().map(t -> t.minus(settings.overlap()));
            due.addAll(finder.touched(c, after, latest.get(), closable));
        }
        Slot lastClosed = Slot.containing(closable).previous();
        Slot firstClosed = watermark.closedUntil().map(Slot::containing).orElse(lastClosed);
        Optional<Instant> closedUntil = watermark.closedUntil();
        if (firstClosed.compareTo(lastClosed) <= 0) {
            Slot last = firstClosed.until(lastClosed) < MAX_CLOSED_SLOTS_PER_RUN ? lastClosed
                    : firstClosed.plus(MAX_CLOSED_SLOTS_PER_RUN - 1);
            due.addAll(finder.sitesOf(c, SlotRange.of(firstClosed, last)));
            closedUntil = Optional.of(last.end());
        }

        Map<IntervalQuality, Integer> written = new EnumMap<>(IntervalQuality.class);
        List<SiteSlot> computed = new ArrayList<>(due.size());
        List<SiteSlot> all = new ArrayList<>(due);
        for (int from = 0; from < all.size(); from += settings.batchSize()) {
            List<SiteSlot> batch = all.subList(from, Math.min(from + settings.batchSize(), all.size()));
            List<SiteInterval> intervals = new ArrayList<>(batch.size());
            for (SlotReadings in : readings.load(c, batch)) {
                try {
                    intervals.add(calculator.calculate(in));
                    computed.add(in.key());
                } catch (RuntimeException e) {
                    // A bug, not bad data (the calculator takes any readings): keep the other sites going.
                    log.error("interval calculation failed, slot skipped [site-id: {}, slot: {}]: {}", in.key().site(),
                            in.key().slot(), e.toString(), e);
                }
            }
            writer.writeSites(c, intervals, now).forEach((quality, n) -> written.merge(quality, n, Integer::sum));
        }
        int feeders = writer.writeFeeders(c, computed, now);
        watermarks.advance(c, new RollupWatermark(latest.or(watermark::scannedUntil), closedUntil), now);
        return new RollupRun(true, computed.size(), written, feeders, Duration.ofNanos(System.nanoTime() - started));
    }

    private void report(RollupRun run) {
        metrics.ran(run.took());
        run.written().forEach(metrics::written);
        if (run.siteIntervalsWritten() > 0 || run.feedersWritten() > 0) {
            log.info("rollup wrote intervals [slots computed: {}, site intervals: {} (measured: {}, estimated: {}, missing: {}), "
                            + "feeder intervals: {}, took: {} ms]", run.slotsComputed(), run.siteIntervalsWritten(),
                    run.written(IntervalQuality.MEASURED), run.written(IntervalQuality.ESTIMATED),
                    run.written(IntervalQuality.MISSING), run.feedersWritten(), run.took().toMillis());
        }
    }

    private static boolean tryLock(Connection c) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            q.setLong(1, LOCK_KEY);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }
}
