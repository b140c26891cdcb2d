package org.aems.api.settlement;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.aems.core.grid.SiteId;
import org.aems.core.series.SeriesId;
import org.aems.core.series.SeriesVersion;
import org.aems.core.settlement.BuybackContract;
import org.aems.core.settlement.ContractSegment;
import org.aems.core.settlement.DayTypeCalendar;
import org.aems.core.settlement.IntervalQuality;
import org.aems.core.settlement.MarketLinked;
import org.aems.core.settlement.PricingContext;
import org.aems.core.settlement.PurchaseStatement;
import org.aems.core.settlement.SettlementInputException;
import org.aems.core.settlement.SettlementPeriod;
import org.aems.core.settlement.SiteContracts;
import org.aems.core.settlement.SlotPriceTable;
import org.aems.ingest.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Computes a buy-back settlement run for a period and stores it as a new DRAFT version: one statement per
 * site and contract segment, the manifest of its inputs, no slot lines (ADR 0011). A calendar-month run also
 * makes the supply bills of facilities with a supply contract ({@link SupplyBilling}, ADR 0013), from the
 * same snapshot, in the same transaction.
 *
 * <p>Intervals are streamed once (COPY TO STDOUT) inside one REPEATABLE READ transaction, in any order,
 * into per-site accumulators: memory grows with the number of sites, not of intervals. Bad input
 * (overlapping contracts, a gap, a missing price) rejects the whole run before anything is written.
 */
@Component
public class SettlementRunner {

    private static final Logger log = LoggerFactory.getLogger(SettlementRunner.class);
    private static final long PROGRESS_EVERY = 1_000_000;

    private final DataSource dataSource;
    private final ContractStore contracts;
    private final SeriesStore series;
    private final SettlementSettings settings;
    private final SupplyBilling supply;
    private final Clock clock;
    private final Timer duration;

    public SettlementRunner(DataSource dataSource, ContractStore contracts, SeriesStore series, SettlementSettings settings,
                            SupplyBilling supply, Clock clock, MeterRegistry meters) {
        this.dataSource = dataSource;
        this.contracts = contracts;
        this.series = series;
        this.settings = settings;
        this.supply = supply;
        this.clock = clock;
        this.duration = Timer.builder("aems.settlement.run.duration").description("Time to compute and store a settlement run")
                .tag("kind", "BUYBACK").register(meters);
    }

    /** The run as stored (a new version of the period's runs, DRAFT). */
    public long run(SettlementPeriod period, String createdBy) {
        if (createdBy == null || createdBy.isBlank()) {
            throw new IllegalArgumentException("a settlement run needs the person who creates it");
        }
        return duration.record(() -> compute(period, createdBy));
    }

    private long compute(SettlementPeriod period, String createdBy) {
        long started = System.nanoTime();
        Instant knownAt = clock.instant();
        List<SiteSettlement> sites = new ArrayList<>(); // index = the site's number in the scan
        Set<SeriesId> seriesIds = new TreeSet<>((a, b) -> a.value().compareTo(b.value()));
        List<SettlementInputException> problems = new ArrayList<>();
        int contractCount = 0;
        MeterClasses meters = meterClasses();
        for (Map.Entry<SiteId, List<BuybackContract>> e : contracts.inForce(period, knownAt).entrySet()) {
            try {
                List<ContractSegment> segments = new SiteContracts(e.getKey(), e.getValue()).segments(period);
                if (!segments.isEmpty()) {
                    sites.add(new SiteSettlement(e.getKey(), segments, meters));
                    for (ContractSegment s : segments) {
                        contractCount++;
                        if (s.contract().tariff() instanceof MarketLinked m) {
                            seriesIds.add(m.series());
                        }
                    }
                }
            } catch (SettlementInputException ex) {
                problems.add(ex);
            }
        }
        SupplyBilling.Plan supplyPlan = supply.plan(period, knownAt, problems);
        if (!problems.isEmpty()) {
            throw RunRejectedException.of(problems);
        }
        SlotPriceTable prices = SlotPriceTable.load(series.prices(seriesIds, period.start(), period.end()), seriesIds,
                period.slots(), knownAt);
        DayTypeCalendar calendar = DayTypeCalendar.japan(period.from(), period.until(), Set.copyOf(settings.holidays()));
        PricingContext context = new PricingContext(calendar, prices);
        log.info("settlement run started [period: {}, sites: {}, series: {}]", period, sites.size(), seriesIds);
        long inputsRead = System.nanoTime();

        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                Snapshot snapshot = transactionStart(c);
                Instant snapshotAt = snapshot.at();
                Tally tally = new Tally();
                String siteIndex = siteIndex(c, sites);
                // The data of record first: a slot with a certified value is billed on it, and the gateway
                // interval of that slot is then passed over (SiteSettlement.add).
                CertifiedTally certified = new CertifiedTally();
                IntervalScan.certified(c, siteIndex, period.start(), period.end(), (site, slot, exportWh, batchId) -> {
                    certified.count(batchId);
                    if (site < 0) {
                        certified.withoutContract++;
                        return;
                    }
                    sites.get(site).addCertified(slot, exportWh, context);
                });
                IntervalScan.all(c, siteIndex, period.start(), period.end(), (site, slot, exportWh, quality, revision) -> {
                    tally.count(quality, revision);
                    if (site < 0) {
                        tally.withoutContract++;
                        return;
                    }
                    sites.get(site).add(slot, exportWh, quality, revision, context);
                    if (tally.rows % PROGRESS_EVERY == 0) {
                        log.info("settlement run progress [period: {}, intervals: {}]", period, tally.rows);
                    }
                });
                List<SupplyBilling.Billed> bills = supply.compute(c, supplyPlan, context, knownAt, meters);
                long computed = System.nanoTime();
                RunManifest manifest = manifest(knownAt, snapshotAt, seriesIds, prices.versionsUsed(), tally, certified, contractCount,
                        calendar, supplyPlan.manifest());
                long runId = store(c, period, createdBy, manifest, snapshot.intervals(), sites, bills);
                c.commit();
                long stored = System.nanoTime();
                // Where the time went, for whoever tunes a long month: contracts and prices, the interval scan, the writes.
                log.info(String.format(java.util.Locale.ROOT, "settlement run stored [run: %d, period: %s, statements: %d, supply bills:"
                                + " %d, intervals: %d, inputs %.2f s, intervals read and priced %.2f s, stored %.2f s]", runId, period,
                        sites.stream().mapToInt(s -> s.accumulators().size()).sum(), bills.size(), tally.rows,
                        (inputsRead - started) / 1e9, (computed - inputsRead) / 1e9, (stored - computed) / 1e9));
                return runId;
            } catch (SettlementInputException e) {
                c.rollback();
                throw RunRejectedException.of(List.of(e));
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("settlement run for " + period + " failed: " + e.getMessage(), e);
        }
    }

    /** Counts of what the run read. */
    private static final class Tally {
        long rows;
        long withoutContract;
        long measured;
        long estimated;
        long missing;
        int maxRevision;

        void count(IntervalQuality quality, int revision) {
            rows++;
            maxRevision = Math.max(maxRevision, revision);
            if (quality == IntervalQuality.MEASURED) {
                measured++;
            } else if (quality == IntervalQuality.ESTIMATED) {
                estimated++;
            } else {
                missing++;
            }
        }
    }

    /** Counts of the certified values the run read, and the import batches they came from. */
    private static final class CertifiedTally {
        long rows;
        long withoutContract;
        long lastBatch = -1;
        final Set<Long> batches = new TreeSet<>();

        void count(long batchId) {
            rows++;
            if (batchId != lastBatch) { // values arrive in runs of one batch: no boxing per row
                batches.add(batchId);
                lastBatch = batchId;
            }
        }
    }

    private RunManifest manifest(Instant knownAt, Instant snapshotAt, Set<SeriesId> seriesIds, Set<SeriesVersion> used,
                                 Tally tally, CertifiedTally certified, int contractCount, DayTypeCalendar calendar,
                                 RunManifest.Supply supplyUse) {
        Map<String, TreeSet<Integer>> bySeries = new TreeMap<>();
        seriesIds.forEach(id -> bySeries.put(id.value(), new TreeSet<>()));
        used.forEach(v -> bySeries.get(v.series().value()).add(v.version()));
        List<RunManifest.SeriesUse> seriesUse = bySeries.entrySet().stream()
                .map(e -> new RunManifest.SeriesUse(e.getKey(), List.copyOf(e.getValue()))).toList();
        return new RunManifest(knownAt.toString(), calendar.holidays().stream().map(Object::toString).toList(), seriesUse,
                new RunManifest.Intervals("site_interval", snapshotAt.toString(), tally.rows, tally.withoutContract,
                        tally.measured, tally.estimated, tally.missing, tally.maxRevision),
                contractCount, RunManifest.ROUNDING, RunManifest.MISSING_SLOTS, supplyUse,
                new RunManifest.Certified("certified_interval", certified.rows, certified.withoutContract,
                        List.copyOf(certified.batches)), RunManifest.DATA_OF_RECORD);
    }

    /**
     * Numbers the run's sites in a temporary table (site_id, n), n = index in {@code sites}, so the scan's
     * join hands each interval its site's number instead of a site id to decode and look up.
     */
    private static String siteIndex(Connection c, List<SiteSettlement> sites) throws SQLException {
        try (java.sql.Statement s = c.createStatement()) {
            s.execute("CREATE TEMP TABLE settlement_site_index (site_id text PRIMARY KEY, n integer NOT NULL) ON COMMIT DROP");
        }
        StringBuilder text = new StringBuilder(sites.size() * 16);
        for (int i = 0; i < sites.size(); i++) {
            StatementCopy.text(text, sites.get(i).site().value()).append('\t').append(i).append('\n');
        }
        byte[] bytes = text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        org.postgresql.copy.CopyIn copy = c.unwrap(org.postgresql.PGConnection.class).getCopyAPI()
                .copyIn("COPY settlement_site_index (site_id, n) FROM STDIN");
        copy.writeToCopy(bytes, 0, bytes.length);
        copy.endCopy();
        try (java.sql.Statement s = c.createStatement()) {
            s.execute("ANALYZE settlement_site_index");
        }
        return "settlement_site_index";
    }

    private MeterClasses meterClasses() {
        try (Connection c = dataSource.getConnection()) {
            return MeterClasses.load(c);
        } catch (SQLException e) {
            throw new StoreException("reading the meters' metrology classes failed: " + e.getMessage(), e);
        }
    }

    /** When the run's transaction began, and the MVCC snapshot its reads see (recomputes read as of it, V34). */
    private record Snapshot(Instant at, String intervals) {
    }

    /** The first statement of the REPEATABLE READ transaction: it fixes the snapshot every later read sees. */
    private static Snapshot transactionStart(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT now(), pg_current_snapshot()::text"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new Snapshot(rs.getTimestamp(1).toInstant(), rs.getString(2));
        }
    }

    private long store(Connection c, SettlementPeriod period, String createdBy, RunManifest manifest, String intervalSnapshot,
                       Iterable<SiteSettlement> sites, List<SupplyBilling.Billed> bills) throws SQLException {
        // One writer per period at a time, so versions are consecutive.
        try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
            lock.setString(1, "settlement_run:BUYBACK:" + period);
            lock.execute();
        }
        Long previousId = null;
        int version = 1;
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT id, version FROM settlement_run WHERE kind = 'BUYBACK' AND period_kind = ? AND period_from = ?
                AND period_until = ? ORDER BY version DESC LIMIT 1""")) {
            ps.setString(1, period.kind().name());
            ps.setObject(2, period.from());
            ps.setObject(3, period.until());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    previousId = rs.getLong(1);
                    version = rs.getInt(2) + 1;
                }
            }
        }
        int statements = 0;
        int incomplete = 0;
        int provisional = 0;
        for (SiteSettlement site : sites) {
            List<PurchaseStatement> list = site.statements();
            for (int i = 0; i < list.size(); i++) {
                statements++;
                incomplete += list.get(i).complete() ? 0 : 1;
                provisional += MeterClasses.provisional(list.get(i).quality().gateway(), site.metrologyClass(i)) ? 1 : 0;
            }
        }
        int provisionalBills = (int) bills.stream().filter(SupplyBilling.Billed::provisional).count();
        if (provisional + provisionalBills > 0) {
            log.info("settlement run has provisional documents (gateway values where certified ones are expected; finalising"
                    + " needs acceptProvisional) [period: {}, statements: {}, supply bills: {}]", period, provisional, provisionalBills);
        }
        long runId;
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO settlement_run (kind, period_kind, period_from, period_until, version, previous_run_id, status,
                    created_by, created_at, manifest, statements, incomplete_statements, supply_bills, incomplete_supply_bills,
                    provisional_statements, interval_snapshot, provisional_supply_bills)
                VALUES ('BUYBACK', ?, ?, ?, ?, ?, 'DRAFT', ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?::pg_snapshot, ?) RETURNING id""")) {
            ps.setString(1, period.kind().name());
            ps.setObject(2, period.from());
            ps.setObject(3, period.until());
            ps.setInt(4, version);
            ps.setObject(5, previousId);
            ps.setString(6, createdBy);
            ps.setTimestamp(7, Timestamp.from(manifest.knownAt()));
            ps.setString(8, manifest.toJson());
            ps.setInt(9, statements);
            ps.setInt(10, incomplete);
            ps.setInt(11, bills.size());
            ps.setInt(12, (int) bills.stream().filter(b -> !b.bill().complete()).count());
            ps.setInt(13, provisional);
            ps.setString(14, intervalSnapshot);
            ps.setInt(15, provisionalBills);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                runId = rs.getLong(1);
            }
        }
        try (StatementCopy copy = new StatementCopy(c, runId)) {
            for (SiteSettlement site : sites) {
                copy.add(site.statements(), site);
            }
            copy.finish();
        }
        supply.store(c, runId, bills);
        return runId;
    }
}
