package org.aems.api.settlement;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.aems.api.settlement.SettlementViews.FeedItem;
import org.aems.api.settlement.SettlementViews.FeedPage;
import org.aems.core.telemetry.TelemetryCodec;
import org.springframework.stereotype.Component;

/**
 * Finalised statements in the order their runs were finalised, for billing systems that poll: each page
 * returns the cursor to continue from, so a client that stores it picks up exactly what is new, once.
 * Positions are taken under a lock at finalisation (RunStore), so a later position never becomes visible
 * before an earlier one and a cursor never skips a statement. A corrected run (new version) appears again,
 * with {@code previousRunId}: the billing system replaces what it had for that period and site.
 */
@Component
public class StatementFeed {

    private final RunStore runs;

    public StatementFeed(RunStore runs) {
        this.runs = runs;
    }

    public FeedPage page(Optional<String> after, int limit) {
        String[] from = after.map(a -> Cursors.decode(a, 3, "after")).orElse(new String[] {"0", "", "0001-01-01"});
        long position;
        try {
            position = Long.parseLong(from[0]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("parameter 'after' is not a cursor this API returned; start again without it");
        }
        List<Object[]> rows = runs.query("SELECT r.feed_position, r.version, r.previous_run_id, r.period_kind, r.period_from,"
                + " r.period_until, r.finalised_at, " + RunStore.STATEMENT_COLUMNS + """
                 FROM settlement_run r JOIN settlement_statement s ON s.run_id = r.id
                WHERE r.feed_position IS NOT NULL AND (r.feed_position, s.site_id, s.segment_from) > (?, ?, ?)
                ORDER BY r.feed_position, s.site_id, s.segment_from LIMIT ?""", ps -> {
            ps.setLong(1, position);
            ps.setString(2, from[1]);
            ps.setObject(3, LocalDate.parse(from[2]));
            ps.setInt(4, limit);
        }, rs -> {
            long previous = rs.getLong(3);
            Long previousId = rs.wasNull() ? null : previous;
            SettlementViews.Statement statement = RunStore.statement(rs, 8);
            FeedItem item = new FeedItem(statement.runId(), rs.getInt(2), previousId, rs.getString(4),
                    rs.getObject(5, LocalDate.class).toString(), rs.getObject(6, LocalDate.class).toString(),
                    TelemetryCodec.format(rs.getTimestamp(7).toInstant()), statement);
            return new Object[] {rs.getLong(1), item};
        });
        List<FeedItem> items = rows.stream().map(r -> (FeedItem) r[1]).toList();
        String next = rows.isEmpty() ? Cursors.encode(from)
                : Cursors.encode(String.valueOf(rows.get(rows.size() - 1)[0]), items.get(items.size() - 1).statement().siteId(),
                items.get(items.size() - 1).statement().from());
        return new FeedPage(items, next);
    }
}
