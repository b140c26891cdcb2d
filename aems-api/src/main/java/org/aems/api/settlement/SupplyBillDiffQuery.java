package org.aems.api.settlement;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.aems.api.settlement.SettlementViews.Run;
import org.aems.api.settlement.SupplyBillViews.SupplyBill;
import org.aems.api.settlement.SupplyBillViews.SupplyBillDiff;
import org.aems.api.settlement.SupplyBillViews.SupplyBillDiffPage;
import org.springframework.stereotype.Component;

/**
 * The per-facility difference between the supply bills of a run and of the version before it: bills added,
 * removed, or changed in any billed value (contract version, energy, demand, lines, amounts, slot counts,
 * line digest), like {@link RunDiffQuery} for statements.
 */
@Component
public class SupplyBillDiffQuery {

    private static final String SQL = "SELECT COALESCE(n.site_id, p.site_id), COALESCE(n.month, p.month), "
            + SupplyBillStore.COLUMNS.replace("b.", "p.") + ", " + SupplyBillStore.COLUMNS.replace("b.", "n.") + """
             FROM (SELECT * FROM supply_bill WHERE run_id = ?) n
             FULL JOIN (SELECT * FROM supply_bill WHERE run_id = ?) p ON p.site_id = n.site_id AND p.month = n.month
            WHERE (n.site_id IS NULL OR p.site_id IS NULL
               OR (n.contract_id, n.contract_version, n.energy_wh, n.charged_kw, n.demand_kw, n.demand_set_in, n.lines, n.amount,
                   n.tax, n.total, n.measured_slots, n.estimated_slots, n.missing_slots, n.line_digest, n.demand_history_gaps,
                   n.certified_slots, n.metrology_class)
                  IS DISTINCT FROM (p.contract_id, p.contract_version, p.energy_wh, p.charged_kw, p.demand_kw, p.demand_set_in,
                   p.lines, p.amount, p.tax, p.total, p.measured_slots, p.estimated_slots, p.missing_slots, p.line_digest,
                   p.demand_history_gaps, p.certified_slots, p.metrology_class))
              AND (COALESCE(n.site_id, p.site_id), COALESCE(n.month, p.month)) > (?, ?)
            ORDER BY 1, 2 LIMIT ?""";
    private static final int COLUMNS = SupplyBillStore.COLUMN_COUNT;

    private final RunStore runs;

    public SupplyBillDiffQuery(RunStore runs) {
        this.runs = runs;
    }

    public SupplyBillDiffPage diff(long runId, Optional<String> after, int limit) {
        Run run = runs.run(runId);
        if (run.previousRunId() == null) {
            return new SupplyBillDiffPage(runId, null, List.of(), null);
        }
        String[] from = after.map(a -> Cursors.decode(a, 2, "after")).orElse(new String[] {"", "0001-01"});
        List<SupplyBillDiff> changes = runs.query(SQL, ps -> {
            ps.setLong(1, runId);
            ps.setLong(2, run.previousRunId());
            ps.setString(3, from[0]);
            ps.setObject(4, YearMonth.parse(from[1]).atDay(1));
            ps.setInt(5, limit + 1);
        }, rs -> {
            rs.getLong(3);
            SupplyBill previous = rs.wasNull() ? null : SupplyBillStore.bill(rs, 3);
            rs.getLong(3 + COLUMNS);
            SupplyBill current = rs.wasNull() ? null : SupplyBillStore.bill(rs, 3 + COLUMNS);
            String change = previous == null ? "ADDED" : current == null ? "REMOVED" : "CHANGED";
            return new SupplyBillDiff(rs.getString(1), YearMonth.from(rs.getObject(2, LocalDate.class)).toString(), change,
                    previous, current);
        });
        String next = null;
        if (changes.size() > limit) {
            SupplyBillDiff last = changes.get(limit - 1);
            next = Cursors.encode(last.siteId(), last.month());
        }
        return new SupplyBillDiffPage(runId, run.previousRunId(), changes.subList(0, Math.min(limit, changes.size())), next);
    }
}
