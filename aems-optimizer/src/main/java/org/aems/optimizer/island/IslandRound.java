package org.aems.optimizer.island;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.aems.core.telemetry.Command;
import org.aems.core.time.Slot;
import org.aems.core.unit.Energy;
import org.aems.optimizer.dispatch.AssetRef;
import org.aems.optimizer.dispatch.PlanCommands;
import org.aems.optimizer.forecast.SlotSeries;
import org.aems.optimizer.model.StorageSchedule;
import org.aems.optimizer.model.StorageUnit;
import org.aems.optimizer.runtime.BankInputs;
import org.aems.optimizer.runtime.ProblemBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plans one islanded feeder in a round: critical load = the feeder's evacuation shelters (their own history),
 * the rest of the feeder's demand shed first; the grid-forming battery is the largest at a shelter (else the
 * largest on the feeder). Returns the commands for the slot under way (battery setpoints, PV held to the load)
 * and stores the report operators see: hours of autonomy and what is served.
 */
public final class IslandRound {

    /** Share of the load the grid-forming battery keeps as power headroom. */
    public static final double HEADROOM = 0.1;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final IslandStore islands;
    private final IslandSolver solver = new IslandSolver();

    public IslandRound(DataSource dataSource, IslandStore islands) {
        this.jdbc = JdbcClient.create(dataSource);
        this.islands = islands;
    }

    public List<Command> plan(Island island, BankInputs.FeederInputs feeder, ProblemBuilder builder, List<Slot> slots, Instant now) {
        Set<String> shelters = jdbc.sql("SELECT id FROM site WHERE feeder_id = ? AND kind = 'EVACUATION_SHELTER'")
                .param(feeder.id().value()).query(String.class).set();
        ProblemBuilder.FeederForecast forecast = builder.forecast(feeder, slots);
        double[] demand = forecast.demandWh();
        double[] pv = forecast.pvWh();
        double[] critical = shelters.isEmpty() ? new double[slots.size()] : builder.demand(shelterHistory(feeder, slots.get(0)), slots);
        Optional<StorageUnit> former = feeder.storage().stream()
                .max(Comparator.comparing((StorageUnit s) -> shelters.contains(AssetRef.parse(s.id()).site().value()))
                        .thenComparing(StorageUnit::capacity));
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("feeder", feeder.id().value());
        report.put("planFrom", slots.get(0).start().toString());
        report.put("criticalSites", shelters.stream().sorted().toList());
        if (former.isEmpty()) {
            report.put("islandable", false);
            report.put("why", "no battery with a recent state of charge on this feeder can form the grid; only PV while the sun shines, "
                    + "and nothing at night");
            report.put("autonomyHours", 0);
            islands.report(island.id(), JSON.writeValueAsString(report), now);
            return List.of();
        }
        List<Energy> criticalLoad = new ArrayList<>();
        List<Energy> otherLoad = new ArrayList<>();
        List<Energy> pvPossible = new ArrayList<>();
        for (int t = 0; t < slots.size(); t++) {
            double c = Math.max(0, critical[t]);
            criticalLoad.add(BankInputs.wh(c));
            otherLoad.add(BankInputs.wh(Math.max(0, demand[t] - c)));
            pvPossible.add(BankInputs.wh(Math.max(0, pv[t])));
        }
        IslandPlan plan = solver.solve(new IslandProblem(feeder.id(), slots, criticalLoad, otherLoad, pvPossible, feeder.storage(),
                former.get().id(), HEADROOM)).orElseThrow(() -> new IllegalStateException("island " + feeder.id() + ": the LP found no plan"));
        report.put("islandable", true);
        report.put("gridForming", former.get().id());
        report.put("autonomyHours", plan.autonomy().toMinutes() / 60.0);
        report.put("criticalServedThroughout", plan.criticalServedThroughout());
        List<Map<String, Object>> perSlot = new ArrayList<>();
        for (int t = 0; t < Math.min(slots.size(), 48); t++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("slot", slots.get(t).toString());
            row.put("criticalNeededKwh", kwh(criticalLoad.get(t)));
            row.put("criticalServedKwh", kwh(plan.criticalServed().get(t)));
            row.put("otherNeededKwh", kwh(otherLoad.get(t)));
            row.put("otherServedKwh", kwh(plan.otherServed().get(t)));
            row.put("pvUsedKwh", kwh(plan.pvUsed().get(t)));
            perSlot.add(row);
        }
        report.put("slots", perSlot);
        islands.report(island.id(), JSON.writeValueAsString(report), now);
        return commands(plan, feeder, slots.get(0), now);
    }

    /** Battery setpoints, and PV held to what the plan uses (shared among curtailable inverters by peak power). */
    private static List<Command> commands(IslandPlan plan, BankInputs.FeederInputs feeder, Slot slot, Instant now) {
        List<Command> commands = new ArrayList<>();
        for (StorageSchedule s : plan.storage()) {
            AssetRef asset = AssetRef.parse(s.id());
            commands.add(new Command(id(slot, now, asset), asset.site(), asset.device(), Command.Action.SET_POWER,
                    BigDecimal.valueOf(s.setpoints().get(0).watts()), slot.start(), PlanCommands.validUntil(slot), now));
        }
        double peak = feeder.curtailable().stream().mapToLong(p -> p.peak().watts()).sum();
        double watts = plan.pvUsed().get(0).wattHours() / (Slot.DURATION.toMinutes() / 60.0);
        for (BankInputs.CurtailablePv pv : feeder.curtailable()) {
            AssetRef asset = AssetRef.parse(pv.id());
            commands.add(new Command(id(slot, now, asset), asset.site(), asset.device(), Command.Action.LIMIT_PV,
                    BigDecimal.valueOf(Math.round(watts * pv.peak().watts() / peak)), slot.start(), PlanCommands.validUntil(slot), now));
        }
        return commands;
    }

    private static String id(Slot slot, Instant now, AssetRef asset) {
        return PlanCommands.commandId("isl", slot, now, asset);
    }

    /** The feeder's evacuation shelters' demand per slot (grid net + PV − battery net charging), Wh. */
    private SlotSeries shelterHistory(BankInputs.FeederInputs feeder, Slot until) {
        TreeMap<Slot, Double> values = new TreeMap<>();
        jdbc.sql("""
                        SELECT i.slot_start, sum(coalesce(i.import_wh, 0) - coalesce(i.export_wh, 0) + coalesce(i.pv_wh, 0)
                                                 - coalesce(i.battery_charge_wh, 0) + coalesce(i.battery_discharge_wh, 0))
                        FROM site_interval i JOIN site s ON s.id = i.site_id
                        WHERE s.feeder_id = ? AND s.kind = 'EVACUATION_SHELTER' AND i.quality <> 'MISSING'
                          AND i.slot_start >= ? AND i.slot_start < ?
                        GROUP BY i.slot_start""")
                .params(feeder.id().value(), Timestamp.from(until.start().minus(Duration.ofDays(28))), Timestamp.from(until.start()))
                .query(rs -> {
                    values.put(Slot.containing(rs.getTimestamp(1).toInstant()), rs.getDouble(2));
                });
        return new SlotSeries(feeder.id().value() + " shelters", "Wh", values);
    }

    private static BigDecimal kwh(Energy e) {
        return BigDecimal.valueOf(e.wattHours(), 3);
    }
}
