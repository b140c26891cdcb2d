package org.aems.api.settlement;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.aems.api.settlement.SettlementViews.FeedItem;
import org.aems.api.settlement.SettlementViews.FeedPage;
import org.aems.api.settlement.SupplyBillViews.SupplyBill;
import org.aems.api.settlement.SupplyBillViews.SupplyBillFeedItem;
import org.aems.api.settlement.SupplyBillViews.SupplyBillFeedPage;
import org.aems.core.telemetry.TelemetryCodec;
import org.springframework.stereotype.Component;

/**
 * Finalised documents in the order their runs were finalised, for billing systems that poll: purchase statements
 * (仕入明細書, what to pay) and supply bills (適格請求書, what to invoice), one feed each since they go to different
 * processes. Each page returns the cursor to continue from, so a client that stores it picks up exactly what is new,
 * once. Positions are taken under a lock at finalisation (RunStore), so a later position never becomes visible before
 * an earlier one and a cursor never skips a document. A corrected run (new version) appears again, with
 * {@code previousRunId}: the billing system replaces what it had for that period and site.
 */
@Component
public class StatementFeed {

    private static final String RUN_COLUMNS = "r.feed_position, r.version, r.previous_run_id, r.period_kind, r.period_from,"
            + " r.period_until, r.finalised_at, ";
    /** Columns before a document's own. */
    private static final int RUN_COLUMN_COUNT = 7;

    private final RunStore runs;

    public StatementFeed(RunStore runs) {
        this.runs = runs;
    }

    /** Purchase statements, by run, site and contract segment. */
    public FeedPage page(Optional<String> after, int limit) {
        Page<FeedItem> page = read(after, limit, RunStore.STATEMENT_COLUMNS + " FROM settlement_run r JOIN settlement_statement s"
                + " ON s.run_id = r.id", "s.site_id, s.segment_from", (run, rs) -> {
                    SettlementViews.Statement statement = RunStore.statement(rs, RUN_COLUMN_COUNT + 1);
                    return new FeedItem(statement.runId(), run.version(), run.previousRunId(), run.periodKind(), run.periodFrom(),
                            run.periodUntil(), run.finalisedAt(), statement);
                }, item -> item.statement().siteId(), item -> item.statement().from());
        return new FeedPage(page.items(), page.next());
    }

    /** Supply bills, by run, facility and month. */
    public SupplyBillFeedPage supplyBills(Optional<String> after, int limit) {
        Page<SupplyBillFeedItem> page = read(after, limit, SupplyBillStore.COLUMNS + " FROM settlement_run r JOIN supply_bill b"
                + " ON b.run_id = r.id", "b.site_id, b.month", (run, rs) -> {
                    SupplyBill bill = SupplyBillStore.bill(rs, RUN_COLUMN_COUNT + 1);
                    return new SupplyBillFeedItem(bill.runId(), run.version(), run.previousRunId(), run.periodFrom(),
                            run.finalisedAt(), bill);
                }, item -> item.supplyBill().siteId(), item -> item.supplyBill().month() + "-01");
        return new SupplyBillFeedPage(page.items(), page.next());
    }

    /** The run columns every item carries. */
    private record Run(int version, Long previousRunId, String periodKind, String periodFrom, String periodUntil,
                       String finalisedAt) {
    }

    private interface ItemMapper<T> {
        T map(Run run, java.sql.ResultSet rs) throws java.sql.SQLException;
    }

    private record Page<T>(List<T> items, String next) {
    }

    /** An item with the feed position of its run. */
    private record Positioned<T>(long position, T item) {
    }

    /**
     * Documents of FINAL runs after the cursor (feed position, site, date key), {@code limit} of them. {@code from} joins
     * the document table to {@code settlement_run r}; {@code keys} are its site and date columns, in that order.
     */
    private <T> Page<T> read(Optional<String> after, int limit, String from, String keys, ItemMapper<T> mapper,
                             Function<T, String> siteOf, Function<T, String> dateOf) {
        String[] cursor = after.map(a -> Cursors.decode(a, 3, "after")).orElse(new String[] {"0", "", "0001-01-01"});
        long position;
        LocalDate date;
        try {
            position = Long.parseLong(cursor[0]);
            date = LocalDate.parse(cursor[2]);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("parameter 'after' is not a cursor this API returned; start again without it");
        }
        List<Positioned<T>> rows = runs.query("SELECT " + RUN_COLUMNS + from + " WHERE r.feed_position IS NOT NULL AND (r.feed_position, "
                + keys + ") > (?, ?, ?) ORDER BY r.feed_position, " + keys + " LIMIT ?", ps -> {
            ps.setLong(1, position);
            ps.setString(2, cursor[1]);
            ps.setObject(3, date);
            ps.setInt(4, limit);
        }, rs -> {
            long previous = rs.getLong(3);
            Long previousId = rs.wasNull() ? null : previous;
            Run run = new Run(rs.getInt(2), previousId, rs.getString(4),
                    rs.getObject(5, LocalDate.class).toString(), rs.getObject(6, LocalDate.class).toString(),
                    TelemetryCodec.format(rs.getTimestamp(7).toInstant()));
            return new Positioned<>(rs.getLong(1), mapper.map(run, rs));
        });
        if (rows.isEmpty()) {
            return new Page<>(List.of(), Cursors.encode(cursor));
        }
        Positioned<T> last = rows.get(rows.size() - 1);
        return new Page<>(rows.stream().map(Positioned::item).toList(),
                Cursors.encode(String.valueOf(last.position()), siteOf.apply(last.item()), dateOf.apply(last.item())));
    }
}
