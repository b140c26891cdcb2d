package org.aems.optimizer.plan;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.aems.core.time.Jst;
import org.aems.core.time.Slot;
import org.aems.core.unit.Energy;
import org.aems.core.unit.Yen;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Builds the {@link BalancingPlan} of a day from the stored bank plan versions and the feeder intervals. The
 * day-ahead value of a slot is each bank's newest plan made by 12:00 JST the day before; the value in force is
 * each bank's newest plan made before the slot's gate closure (1 h before it starts); both summed over banks.
 */
public final class BalancingPlanQuery {

    /** The day-ahead plan is due at 12:00 JST the day before (DOMAIN.md). */
    public static final LocalTime DAY_AHEAD_DUE = LocalTime.NOON;

    private final JdbcClient jdbc;

    public BalancingPlanQuery(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** @param imbalancePrice yen/kWh per slot at which a deviation from the plan in force is estimated */
    public BalancingPlan day(LocalDate day, java.util.function.Function<Slot, BigDecimal> imbalancePrice) {
        return day(day, imbalancePrice, Map.of());
    }

    /**
     * @param imbalancePrice yen/kWh per slot at which a deviation from the plan in force is estimated
     * @param certified      per slot start, the net import of the certified values when they cover every site; such a
     *                       slot's actual is that (the imbalance is settled on it), the others' the gateway intervals'
     */
    public BalancingPlan day(LocalDate day, java.util.function.Function<Slot, BigDecimal> imbalancePrice, Map<Instant, Energy> certified) {
        Instant from = Slot.of(day, 1).start();
        Instant until = Slot.of(day.plusDays(1), 1).start();
        Instant dayAheadDue = day.minusDays(1).atTime(DAY_AHEAD_DUE).atZone(Jst.ZONE).toInstant();
        Map<Instant, long[]> dayAhead = planned(from, until, "pv.created_at <= ?", Timestamp.from(dayAheadDue));
        Map<Instant, long[]> inForce = planned(from, until, "pv.created_at <= ps.slot_start - interval '1 hour'");
        Map<Instant, long[]> actual = new HashMap<>();
        jdbc.sql("""
                        SELECT slot_start, sum(net_import_wh), sum(sites_reporting), sum(site_count), count(*) FILTER (WHERE net_import_wh IS NULL)
                        FROM feeder_interval WHERE slot_start >= ? AND slot_start < ? GROUP BY slot_start""")
                .params(Timestamp.from(from), Timestamp.from(until))
                .query(rs -> {
                    actual.put(rs.getTimestamp(1).toInstant(), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)});
                });
        long sites = jdbc.sql("SELECT count(*) FROM site WHERE valid_from <= ? AND (valid_until IS NULL OR valid_until > ?)")
                .params(java.sql.Date.valueOf(day), java.sql.Date.valueOf(day)).query(Long.class).single();
        List<BalancingPlan.SlotRow> rows = new ArrayList<>();
        for (Slot slot = Slot.of(day, 1); slot.date().equals(day); slot = slot.next()) {
            Optional<Energy> ahead = Optional.ofNullable(dayAhead.get(slot.start())).map(v -> Energy.ofWattHours(v[0]));
            long[] force = inForce.get(slot.start());
            Optional<Energy> planned = Optional.ofNullable(force).map(v -> Energy.ofWattHours(v[0]));
            long[] measured = actual.get(slot.start());
            // An actual counts only when every site reported: a partial sum would show as a false imbalance.
            Optional<Energy> gateway = Optional.ofNullable(measured).filter(m -> m[3] == 0 && m[1] == m[2]).map(m -> Energy.ofWattHours(m[0]));
            Optional<Energy> ofRecord = Optional.ofNullable(certified.get(slot.start()));
            Optional<Energy> real = ofRecord.or(() -> gateway);
            Optional<BalancingPlan.ActualSource> source = ofRecord.isPresent() ? Optional.of(BalancingPlan.ActualSource.CERTIFIED)
                    : gateway.map(g -> BalancingPlan.ActualSource.GATEWAY);
            Optional<Energy> imbalance = real.flatMap(a -> planned.map(a::minus));
            Slot s = slot;
            Optional<Yen> cost = imbalance.map(e -> e.abs().times(new org.aems.core.unit.YenPerKwh(imbalancePrice.apply(s))));
            rows.add(new BalancingPlan.SlotRow(slot, ahead, planned, real, imbalance, cost, force == null ? 0 : (int) force[1],
                    measured == null ? 0 : measured[1], sites, source));
        }
        return new BalancingPlan(day, "the " + sites + " sites registered in this platform; the balancing group's other members are not "
                + "included", rows);
    }

    /** Per slot: Σ over banks of each bank's newest bank-total plan value meeting {@code condition}, and how many banks. */
    private Map<Instant, long[]> planned(Instant from, Instant until, String condition, Object... parameters) {
        Map<Instant, long[]> values = new HashMap<>();
        jdbc.sql("""
                        WITH newest AS (
                            SELECT DISTINCT ON (pv.bank_id, ps.slot_start) pv.bank_id, ps.slot_start, ps.net_wh
                            FROM plan_slot ps JOIN plan_version pv ON pv.id = ps.plan_id
                            WHERE ps.feeder_id = '' AND ps.slot_start >= ? AND ps.slot_start < ? AND %s
                            ORDER BY pv.bank_id, ps.slot_start, pv.created_at DESC, pv.id DESC)
                        SELECT slot_start, sum(net_wh), count(*) FROM newest GROUP BY slot_start""".formatted(condition))
                .params(java.util.stream.Stream.concat(java.util.stream.Stream.of(Timestamp.from(from), Timestamp.from(until)),
                        java.util.Arrays.stream(parameters)).toList())
                .query(rs -> {
                    values.put(rs.getTimestamp(1).toInstant(), new long[] {rs.getLong(2), rs.getLong(3)});
                });
        return values;
    }
}
