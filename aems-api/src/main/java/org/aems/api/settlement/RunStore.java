package org.aems.api.settlement;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.aems.api.settlement.SettlementViews.Run;
import org.aems.api.settlement.SettlementViews.RunPage;
import org.aems.api.settlement.SettlementViews.RunTotals;
import org.aems.api.settlement.SettlementViews.Statement;
import org.aems.api.settlement.SettlementViews.StatementPage;
import org.aems.core.telemetry.TelemetryCodec;
import org.aems.ingest.store.StoreException;
import org.springframework.stereotype.Component;

/** Reads stored runs and statements, and finalises runs (DRAFT → FINAL, four eyes, feed position). */
@Component
public class RunStore {

    static final String STATEMENT_COLUMNS = """
            s.run_id, s.site_id, s.segment_from, s.segment_until, s.contract_id, s.contract_version, s.tax_treatment,
            s.energy_wh, s.amount, s.amount_truncated, s.tax, s.amount_excluding_tax, s.payment, s.measured_slots,
            s.estimated_slots, s.missing_slots, s.max_interval_revision, s.line_digest, s.certified_slots, s.metrology_class""";
    private static final String RUN_COLUMNS = """
            id, kind, period_kind, period_from, period_until, version, previous_run_id, status, created_by, created_at,
            finalised_by, finalised_at, incomplete_accepted, statements, incomplete_statements, manifest::text, supply_bills,
            incomplete_supply_bills, provisional_statements, provisional_supply_bills, provisional_accepted""";
    /** Serialises finalisations, so feed positions become visible in the order they were taken. */
    private static final long FEED_LOCK = 0x41454D5346454544L;

    private final DataSource dataSource;
    private final Clock clock;

    public RunStore(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    public Run run(long id) {
        return query("SELECT " + RUN_COLUMNS + " FROM settlement_run WHERE id = ?", ps -> ps.setLong(1, id), RunStore::run)
                .stream().findFirst().orElseThrow(() -> new RunNotFoundException("no settlement run " + id));
    }

    /** The MVCC snapshot run {@code id} read its intervals in (V34); empty for runs from before it. */
    Optional<String> intervalSnapshot(long id) {
        return query("SELECT interval_snapshot::text FROM settlement_run WHERE id = ?", ps -> ps.setLong(1, id),
                rs -> Optional.ofNullable(rs.getString(1))).stream().findFirst().flatMap(s -> s);
    }

    /** Newest first; {@code before} is the id cursor of the previous page. */
    public RunPage runs(Optional<Long> before, int limit) {
        List<Run> runs = query("SELECT " + RUN_COLUMNS + " FROM settlement_run WHERE id < ? ORDER BY id DESC LIMIT ?", ps -> {
            ps.setLong(1, before.orElse(Long.MAX_VALUE));
            ps.setInt(2, limit + 1);
        }, RunStore::run);
        String next = runs.size() > limit ? Cursors.encode(String.valueOf(runs.get(limit - 1).id())) : null;
        return new RunPage(runs.subList(0, Math.min(limit, runs.size())), next);
    }

    static long decodeRunCursor(String cursor) {
        return Long.parseLong(Cursors.decode(cursor, 1, "before")[0]);
    }

    /** Statements of a run ordered by (site, segment start), from after the cursor. */
    public StatementPage statements(long runId, Optional<String> after, int limit) {
        run(runId);
        String[] from = after.map(a -> Cursors.decode(a, 2, "after")).orElse(new String[] {"", "0001-01-01"});
        List<Statement> page = query("SELECT " + STATEMENT_COLUMNS + " FROM settlement_statement s WHERE s.run_id = ?"
                + " AND (s.site_id, s.segment_from) > (?, ?) ORDER BY s.site_id, s.segment_from LIMIT ?", ps -> {
            ps.setLong(1, runId);
            ps.setString(2, from[0]);
            ps.setObject(3, LocalDate.parse(from[1]));
            ps.setInt(4, limit + 1);
        }, RunStore::statement);
        String next = null;
        if (page.size() > limit) {
            Statement last = page.get(limit - 1);
            next = Cursors.encode(last.siteId(), last.from());
        }
        return new StatementPage(runId, page.subList(0, Math.min(limit, page.size())), next, after.isPresent() ? null : totals(runId));
    }

    private RunTotals totals(long runId) {
        return query("SELECT count(*), COALESCE(sum(energy_wh), 0), COALESCE(sum(amount_excluding_tax), 0), COALESCE(sum(tax), 0),"
                        + " COALESCE(sum(payment), 0) FROM settlement_statement WHERE run_id = ?", ps -> ps.setLong(1, runId),
                rs -> new RunTotals(rs.getInt(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5))).get(0);
    }

    /** The statements of one site in a run (one per contract segment), in order; empty when it has none. */
    public List<Statement> statementsOfSite(long runId, String siteId) {
        return query("SELECT " + STATEMENT_COLUMNS + " FROM settlement_statement s WHERE s.run_id = ? AND s.site_id = ?"
                + " ORDER BY s.segment_from", ps -> {
            ps.setLong(1, runId);
            ps.setString(2, siteId);
        }, RunStore::statement);
    }

    /**
     * What the person finalising a run has knowingly accepted; each is recorded on the run when the run needed it.
     *
     * @param acceptIncomplete  settle statements and bills with missing slots on the slots that have values
     * @param acceptProvisional settle on gateway values where certified ones are expected (ADR 0022)
     */
    public record Decisions(boolean acceptIncomplete, boolean acceptProvisional) {
        public static final Decisions NONE = new Decisions(false, false);
    }

    /**
     * Makes a DRAFT run FINAL; repeating the request as the same person changes nothing. Refused when it is already
     * final, when {@code by} created it (four eyes), when a newer version of the period exists, when it has incomplete
     * documents and {@code acceptIncomplete} is false, or provisional ones and {@code acceptProvisional} is false.
     */
    public Run finalise(long id, String by, Decisions decisions) {
        if (by == null || by.isBlank()) {
            throw new IllegalArgumentException("finalising a run needs the person who finalises it");
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                    lock.setLong(1, FEED_LOCK);
                    lock.execute();
                }
                Run run;
                try (PreparedStatement ps = c.prepareStatement("SELECT " + RUN_COLUMNS + " FROM settlement_run WHERE id = ? FOR UPDATE")) {
                    ps.setLong(1, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            throw new RunNotFoundException("no settlement run " + id);
                        }
                        run = run(rs);
                    }
                }
                if (alreadyFinalisedBy(run, by)) {
                    c.rollback();
                    return run;
                }
                checkFinalisable(c, run, by, decisions);
                try (PreparedStatement ps = c.prepareStatement("""
                        UPDATE settlement_run SET status = 'FINAL', finalised_by = ?, finalised_at = ?, incomplete_accepted = ?,
                        provisional_accepted = ?, feed_position = nextval('settlement_feed_seq') WHERE id = ?""")) {
                    ps.setString(1, by);
                    ps.setTimestamp(2, Timestamp.from(clock.instant()));
                    ps.setBoolean(3, decisions.acceptIncomplete() && incomplete(run) > 0);
                    ps.setBoolean(4, decisions.acceptProvisional() && provisional(run) > 0);
                    ps.setLong(5, id);
                    ps.executeUpdate();
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("finalising settlement run " + id + " failed: " + e.getMessage(), e);
        }
        return run(id);
    }

    /** Finalising twice by the same person is answered with the run as it is (a retried request). */
    private static boolean alreadyFinalisedBy(Run run, String by) {
        return run.status().equals("FINAL") && by.equals(run.finalisedBy());
    }

    private static int incomplete(Run run) {
        return run.incompleteStatements() + run.incompleteSupplyBills();
    }

    private static int provisional(Run run) {
        return run.provisionalStatements() + run.provisionalSupplyBills();
    }

    private static String documents(int statements, int supplyBills) {
        return statements + " statement(s)" + (supplyBills > 0 ? " and " + supplyBills + " supply bill(s)" : "");
    }

    private static void checkFinalisable(Connection c, Run run, String by, Decisions decisions) throws SQLException {
        if (run.status().equals("FINAL")) {
            throw new RunStateException(409, "RUN_ALREADY_FINAL", "settlement run " + run.id() + " was finalised by "
                    + run.finalisedBy() + " at " + run.finalisedAt() + "; a FINAL run never changes, re-run the period for a new version");
        }
        if (run.createdBy().equals(by)) {
            throw new RunStateException(403, "FOUR_EYES", "settlement run " + run.id() + " was created by " + by
                    + "; another person must finalise it");
        }
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT id, version FROM settlement_run WHERE kind = ? AND period_kind = ? AND period_from = ? AND period_until = ?
                AND version > ? ORDER BY version DESC LIMIT 1""")) {
            ps.setString(1, run.kind());
            ps.setString(2, run.periodKind());
            ps.setObject(3, LocalDate.parse(run.periodFrom()));
            ps.setObject(4, LocalDate.parse(run.periodUntil()));
            ps.setInt(5, run.version());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    throw new RunStateException(409, "RUN_SUPERSEDED", "settlement run " + run.id() + " is version " + run.version()
                            + " of its period; version " + rs.getInt(2) + " (run " + rs.getLong(1) + ") supersedes it, finalise that one");
                }
            }
        }
        if (incomplete(run) > 0 && !decisions.acceptIncomplete()) {
            throw new RunStateException(409, "INCOMPLETE_STATEMENTS", "settlement run " + run.id() + " has "
                    + documents(run.incompleteStatements(), run.incompleteSupplyBills()) + " with missing slots"
                    + (run.incompleteSupplyBills() > 0
                    ? " (a supply bill also when its billing demand's 11 months of history lack some)" : "")
                    + "; finalise with acceptIncomplete=true to settle them on the slots that have values, or re-run"
                    + " the period when the data is in");
        }
        if (provisional(run) > 0 && !decisions.acceptProvisional()) {
            throw new RunStateException(409, "PROVISIONAL_STATEMENTS", "settlement run " + run.id() + " has "
                    + documents(run.provisionalStatements(), run.provisionalSupplyBills()) + " billed on gateway values where"
                    + " the transmission operator's certified values are expected; import the certified values"
                    + " (POST /api/v1/settlement/certified-intervals) and re-run the period, or finalise with"
                    + " acceptProvisional=true to settle on the gateway values");
        }
    }

    interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    interface Mapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    <T> List<T> query(String sql, Binder binder, Mapper<T> mapper) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new StoreException("settlement query failed: " + e.getMessage(), e);
        }
    }

    private static Run run(ResultSet rs) throws SQLException {
        long previous = rs.getLong(7);
        Long previousId = rs.wasNull() ? null : previous;
        Timestamp finalisedAt = rs.getTimestamp(12);
        return new Run(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class).toString(),
                rs.getObject(5, LocalDate.class).toString(), rs.getInt(6), previousId, rs.getString(8), rs.getString(9),
                TelemetryCodec.format(rs.getTimestamp(10).toInstant()), rs.getString(11),
                finalisedAt == null ? null : TelemetryCodec.format(finalisedAt.toInstant()), rs.getBoolean(13), rs.getInt(14),
                rs.getInt(15), rs.getInt(17), rs.getInt(18), rs.getInt(19), rs.getInt(20), rs.getBoolean(21),
                RunManifest.fromJson(rs.getString(16)));
    }

    /** Maps {@link #STATEMENT_COLUMNS} starting at column {@code first}. */
    static Statement statement(ResultSet rs, int first) throws SQLException {
        int i = first;
        long runId = rs.getLong(i++);
        String site = rs.getString(i++);
        String from = rs.getObject(i++, LocalDate.class).toString();
        String until = rs.getObject(i++, LocalDate.class).toString();
        String contract = rs.getString(i++);
        int contractVersion = rs.getInt(i++);
        String tax = rs.getString(i++);
        long energy = rs.getLong(i++);
        BigDecimal amount = rs.getBigDecimal(i++);
        long truncated = rs.getBigDecimal(i++).longValueExact();
        long taxYen = rs.getBigDecimal(i++).longValueExact();
        long excluding = rs.getBigDecimal(i++).longValueExact();
        long payment = rs.getBigDecimal(i++).longValueExact();
        int measured = rs.getInt(i++);
        int estimated = rs.getInt(i++);
        int missing = rs.getInt(i++);
        int revision = rs.getInt(i++);
        Integer maxRevision = rs.wasNull() ? null : revision;
        String digest = rs.getString(i++);
        int certified = rs.getInt(i++);
        String metrologyClass = rs.getString(i);
        int gateway = measured + estimated - certified;
        boolean provisional = MeterClasses.provisional(gateway, metrologyClass);
        return new Statement(runId, site, from, until, contract, contractVersion, tax, energy, amount.toPlainString(), truncated,
                taxYen, excluding, payment, measured, estimated, missing, missing == 0, maxRevision, digest, certified, gateway,
                metrologyClass, provisional);
    }

    private static Statement statement(ResultSet rs) throws SQLException {
        return statement(rs, 1);
    }
}
