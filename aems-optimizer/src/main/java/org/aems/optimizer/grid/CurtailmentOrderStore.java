package org.aems.optimizer.grid;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.aems.core.grid.FeederId;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Table {@code curtailment_order}: the transmission operator's orders, upserted by id. */
public final class CurtailmentOrderStore {

    private final JdbcClient jdbc;

    public CurtailmentOrderStore(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** Stores or replaces an order; true when it was new. */
    public boolean put(CurtailmentOrder o, Instant receivedAt) {
        return jdbc.sql("""
                        INSERT INTO curtailment_order (order_id, issued_by, feeder_id, valid_from, valid_until, max_share, received_at, cancelled)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (order_id) DO UPDATE SET issued_by = EXCLUDED.issued_by, feeder_id = EXCLUDED.feeder_id,
                            valid_from = EXCLUDED.valid_from, valid_until = EXCLUDED.valid_until, max_share = EXCLUDED.max_share,
                            received_at = EXCLUDED.received_at, cancelled = EXCLUDED.cancelled
                        RETURNING (xmax = 0)""")
                .params(o.id(), o.issuedBy(), o.feeder().map(FeederId::value).orElse(null), Timestamp.from(o.validFrom()),
                        Timestamp.from(o.validUntil()), BigDecimal.valueOf(o.maxShare()), Timestamp.from(receivedAt), o.cancelled())
                // xmax is 0 only on a row this statement inserted: new vs replaced in one round trip.
                .query(Boolean.class).single();
    }

    public Optional<CurtailmentOrder> find(String id) {
        return jdbc.sql("SELECT * FROM curtailment_order WHERE order_id = ?").param(id).query((rs, n) -> order(rs)).optional();
    }

    /** Orders not cancelled that overlap [from, until), oldest first. */
    public List<CurtailmentOrder> overlapping(Instant from, Instant until) {
        return jdbc.sql("SELECT * FROM curtailment_order WHERE NOT cancelled AND valid_until > ? AND valid_from < ? ORDER BY valid_from, order_id")
                .params(Timestamp.from(from), Timestamp.from(until)).query((rs, n) -> order(rs)).list();
    }

    private static CurtailmentOrder order(ResultSet rs) throws SQLException {
        return new CurtailmentOrder(rs.getString("order_id"), rs.getString("issued_by"), Optional.ofNullable(rs.getString("feeder_id")).map(FeederId::of),
                rs.getTimestamp("valid_from").toInstant(), rs.getTimestamp("valid_until").toInstant(), rs.getBigDecimal("max_share").doubleValue(),
                rs.getBoolean("cancelled"));
    }
}
