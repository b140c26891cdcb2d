package org.aems.optimizer.plan;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.aems.core.time.Slot;
import org.aems.core.unit.Energy;
import org.aems.core.unit.Yen;
import org.aems.core.unit.YenPerKwh;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Market plans as proposed ({@code market_plan_version}/{@code market_plan_slot}, append-only), every version kept. */
public final class MarketPlanStore {

    /** A stored version of a day's market plan. */
    public record Stored(int version, Instant createdAt, String createdBy, MarketPlan plan) {
    }

    /** One version without its slots. */
    public record Version(int version, Instant issuedAt, Instant createdAt, String createdBy) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    public MarketPlanStore(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
        this.transactions = new TransactionTemplate(new org.springframework.jdbc.datasource.DataSourceTransactionManager(dataSource));
    }

    /** Stores {@code plan} as the day's next version. */
    public Stored store(MarketPlan plan, Instant at, String by) {
        return transactions.execute(status -> {
            lock(plan.day());
            return insert(plan, at, by);
        });
    }

    /** Stores {@code plan} as version 1 unless the day already has a version (another instance was first). */
    public Optional<Stored> storeFirst(MarketPlan plan, Instant at, String by) {
        return transactions.execute(status -> {
            lock(plan.day());
            return versions(plan.day()).isEmpty() ? Optional.of(insert(plan, at, by)) : Optional.<Stored>empty();
        });
    }

    public List<Version> versions(LocalDate day) {
        return jdbc.sql("SELECT version, issued_at, created_at, created_by FROM market_plan_version WHERE plan_date = ? ORDER BY version")
                .param(java.sql.Date.valueOf(day))
                .query((rs, n) -> new Version(rs.getInt(1), rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant(), rs.getString(4)))
                .list();
    }

    /** The newest stored version of the day's plan, with its slots. */
    public Optional<Stored> latest(LocalDate day) {
        return jdbc.sql("""
                        SELECT id, version, issued_at, created_at, created_by, scope FROM market_plan_version
                        WHERE plan_date = ? ORDER BY version DESC LIMIT 1""")
                .param(java.sql.Date.valueOf(day))
                .query((rs, n) -> {
                    long id = rs.getLong(1);
                    List<MarketPlan.Row> rows = new ArrayList<>();
                    jdbc.sql("""
                                    SELECT slot_start, demand_wh, generation_wh, procurement_wh, expected_price, expected_cost
                                    FROM market_plan_slot WHERE plan_id = ? ORDER BY slot_start""")
                            .param(id)
                            .query(r -> {
                                rows.add(new MarketPlan.Row(Slot.containing(r.getTimestamp(1).toInstant()), Energy.ofWattHours(r.getLong(2)),
                                        Energy.ofWattHours(r.getLong(3)), Energy.ofWattHours(r.getLong(4)), new YenPerKwh(r.getBigDecimal(5)),
                                        Yen.of(r.getBigDecimal(6))));
                            });
                    return new Stored(rs.getInt(2), rs.getTimestamp(4).toInstant(), rs.getString(5),
                            new MarketPlan(day, rs.getTimestamp(3).toInstant(), rs.getString(6), rows));
                })
                .optional();
    }

    private void lock(LocalDate day) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(?))").param("market_plan:" + day).query((rs, n) -> 0).list();
    }

    private Stored insert(MarketPlan plan, Instant at, String by) {
        int version = jdbc.sql("SELECT coalesce(max(version), 0) + 1 FROM market_plan_version WHERE plan_date = ?")
                .param(java.sql.Date.valueOf(plan.day())).query(Integer.class).single();
        long id = jdbc.sql("""
                        INSERT INTO market_plan_version (plan_date, version, issued_at, created_at, created_by, scope)
                        VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(java.sql.Date.valueOf(plan.day()), version, Timestamp.from(plan.issuedAt()), Timestamp.from(at), by, plan.scope())
                .query(Long.class).single();
        for (MarketPlan.Row r : plan.slots()) {
            jdbc.sql("""
                            INSERT INTO market_plan_slot (plan_id, slot_start, demand_wh, generation_wh, procurement_wh, expected_price, expected_cost)
                            VALUES (?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, Timestamp.from(r.slot().start()), r.demand().wattHours(), r.generation().wattHours(),
                            r.procurement().wattHours(), r.expectedPrice().value(), r.expectedCost().amount())
                    .update();
        }
        return new Stored(version, at, by, plan);
    }
}
