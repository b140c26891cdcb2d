package org.aems.optimizer.plan;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.aems.core.time.Jst;
import org.aems.core.time.Slot;
import org.aems.core.unit.Energy;
import org.aems.optimizer.forecast.DayAheadForecaster;
import org.aems.optimizer.forecast.SlotSeries;
import org.aems.optimizer.runtime.SlotPrices;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Builds the {@link MarketPlan} of a day from the feeder intervals: demand = Σ import of all sites, generation =
 * Σ export of the sites whose surplus we buy (buy-back status SOTSU_FIT_OURS on the slot's day), each
 * forecast day-ahead from the 28 days before the issue time (demand by profile, generation by clear sky ×
 * recent ratio).
 */
public final class MarketPlanQuery {

    /** The JEPX day-ahead auction closes at 10:00 JST; the proposal is due at 09:30 the day before. */
    public static final LocalTime PROPOSAL_DUE = LocalTime.of(9, 30);
    private static final Duration HISTORY = Duration.ofDays(28);

    private final JdbcClient jdbc;
    private final DayAheadForecaster demandForecaster;
    private final DayAheadForecaster generationForecaster;
    private final SlotPrices prices;

    public MarketPlanQuery(DataSource dataSource, DayAheadForecaster demand, DayAheadForecaster generation, SlotPrices prices) {
        this.jdbc = JdbcClient.create(dataSource);
        this.demandForecaster = demand;
        this.generationForecaster = generation;
        this.prices = prices;
    }

    /** The plan for {@code day}, from what was known at 09:30 JST the day before, or now if that is earlier. */
    public MarketPlan day(LocalDate day, Instant now) {
        Instant due = day.minusDays(1).atTime(PROPOSAL_DUE).atZone(Jst.ZONE).toInstant();
        Instant issuedAt = now.isBefore(due) ? now : due;
        Slot issued = Slot.containing(issuedAt);
        TreeMap<Slot, Double> demand = new TreeMap<>();
        TreeMap<Slot, Double> generation = new TreeMap<>();
        // The feeders' 30-minute sums (buyback_export_wh: the export of SOTSU_FIT_OURS sites), not every site's rows.
        jdbc.sql("""
                        SELECT slot_start, sum(import_wh), sum(buyback_export_wh) FROM feeder_interval
                        WHERE slot_start >= ? AND slot_start < ? AND import_wh IS NOT NULL AND buyback_export_wh IS NOT NULL
                        GROUP BY slot_start""")
                .params(Timestamp.from(issued.start().minus(HISTORY)), Timestamp.from(issued.start()))
                .query(rs -> {
                    Slot slot = Slot.containing(rs.getTimestamp(1).toInstant());
                    demand.put(slot, rs.getDouble(2));
                    generation.put(slot, rs.getDouble(3));
                });
        if (demand.size() < Slot.SLOTS_PER_DAY) {
            throw new org.aems.optimizer.runtime.NotEnoughHistoryException("the market plan for " + day + " needs at least a day (48 slots) of "
                    + "feeder intervals before " + issuedAt + "; there are " + demand.size());
        }
        double[] d = demandForecaster.forecast(new SlotSeries("demand", "Wh", demand), day, issued);
        double[] g = generationForecaster.forecast(new SlotSeries("bought surplus", "Wh", generation), day, issued);
        long sites = jdbc.sql("SELECT count(*) FROM site WHERE valid_from <= ? AND (valid_until IS NULL OR valid_until > ?)")
                .params(java.sql.Date.valueOf(day), java.sql.Date.valueOf(day)).query(Long.class).single();
        List<MarketPlan.Row> rows = new ArrayList<>();
        for (int s = 1; s <= Slot.SLOTS_PER_DAY; s++) {
            Slot slot = Slot.of(day, s);
            Energy demandWh = Energy.ofWattHours(Math.max(0, Math.round(d[s - 1])));
            Energy generationWh = Energy.ofWattHours(Math.max(0, Math.round(g[s - 1])));
            Energy procurement = Energy.max(Energy.ZERO, demandWh.minus(generationWh));
            rows.add(new MarketPlan.Row(slot, demandWh, generationWh, procurement, prices.purchase(slot), procurement.times(prices.purchase(slot))));
        }
        return new MarketPlan(day, issuedAt, "the " + sites + " sites registered in this platform; the balancing group's other members "
                + "and its other sources are not included", rows);
    }
}
