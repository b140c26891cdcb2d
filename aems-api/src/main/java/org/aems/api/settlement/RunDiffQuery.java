package org.aems.api.settlement;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.aems.api.settlement.SettlementViews.DiffPage;
import org.aems.api.settlement.SettlementViews.Run;
import org.aems.api.settlement.SettlementViews.SiteDiff;
import org.aems.api.settlement.SettlementViews.Statement;
import org.springframework.stereotype.Component;

/**
 * The per-site difference between a run and the version before it: statements added, removed, or changed
 * in any settled value (energy, amounts, tax, slot counts, contract version, line digest).
 */
@Component
public class RunDiffQuery {

    private static final String SQL = "SELECT COALESCE(n.site_id, p.site_id), COALESCE(n.segment_from, p.segment_from), "
            + RunStore.STATEMENT_COLUMNS.replace("s.", "p.") + ", " + RunStore.STATEMENT_COLUMNS.replace("s.", "n.") + """
             FROM (SELECT * FROM settlement_statement WHERE run_id = ?) n
             FULL JOIN (SELECT * FROM settlement_statement WHERE run_id = ?) p
               ON p.site_id = n.site_id AND p.segment_from = n.segment_from
            WHERE (n.site_id IS NULL OR p.site_id IS NULL
               OR (n.segment_until, n.contract_id, n.contract_version, n.energy_wh, n.amount, n.tax, n.payment, n.measured_slots,
                   n.estimated_slots, n.missing_slots, n.line_digest, n.certified_slots, n.metrology_class)
                  IS DISTINCT FROM (p.segment_until, p.contract_id, p.contract_version, p.energy_wh, p.amount, p.tax, p.payment,
                   p.measured_slots, p.estimated_slots, p.missing_slots, p.line_digest, p.certified_slots, p.metrology_class))
              AND (COALESCE(n.site_id, p.site_id), COALESCE(n.segment_from, p.segment_from)) > (?, ?)
            ORDER BY 1, 2 LIMIT ?""";
    private static final int COLUMNS = 20;

    private final RunStore runs;

    public RunDiffQuery(RunStore runs) {
        this.runs = runs;
    }

    public DiffPage diff(long runId, Optional<String> after, int limit) {
        Run run = runs.run(runId);
        if (run.previousRunId() == null) {
            return new DiffPage(runId, null, List.of(), null);
        }
        String[] from = after.map(a -> Cursors.decode(a, 2, "after")).orElse(new String[] {"", "0001-01-01"});
        List<SiteDiff> changes = runs.query(SQL, ps -> {
            ps.setLong(1, runId);
            ps.setLong(2, run.previousRunId());
            ps.setString(3, from[0]);
            ps.setObject(4, LocalDate.parse(from[1]));
            ps.setInt(5, limit + 1);
        }, rs -> {
            rs.getLong(3);
            Statement previous = rs.wasNull() ? null : RunStore.statement(rs, 3);
            rs.getLong(3 + COLUMNS);
            Statement current = rs.wasNull() ? null : RunStore.statement(rs, 3 + COLUMNS);
            String change = previous == null ? "ADDED" : current == null ? "REMOVED" : "CHANGED";
            return new SiteDiff(rs.getString(1), rs.getObject(2, LocalDate.class).toString(), change, previous, current);
        });
        String next = null;
        if (changes.size() > limit) {
            SiteDiff last = changes.get(limit - 1);
            next = Cursors.encode(last.siteId(), last.from());
        }
        return new DiffPage(runId, run.previousRunId(), changes.subList(0, Math.min(limit, changes.size())), next);
    }
}
