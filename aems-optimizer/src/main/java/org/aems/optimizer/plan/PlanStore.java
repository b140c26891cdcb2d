package org.aems.optimizer.plan;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.aems.core.grid.BankId;
import org.aems.core.time.Slot;
import org.aems.core.unit.Energy;
import org.aems.core.unit.Power;
import org.aems.optimizer.model.BankPlan;
import org.aems.optimizer.model.FeederSchedule;
import org.aems.optimizer.model.LimitEvent;
import org.aems.optimizer.regional.RegionalShare;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Tables {@code plan_version} and {@code plan_slot}: every plan of every bank, never overwritten. */
public final class PlanStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TransactionTemplate transaction;

    public PlanStore(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
        this.batch = new JdbcTemplate(dataSource);
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    /** Stores a new version without a regional shift; returns its id. */
    public long save(BankPlan plan, String createdBy, Instant createdAt) {
        return save(plan, createdBy, createdAt, List.of(), 0);
    }

    /**
     * Stores a new version; returns its id.
     *
     * @param shifts       the regional step's shift of the target from the plan in force, for the leading gate-closed slots
     * @param storageWatts the bank's controllable storage power (its weight in the regional step)
     */
    public long save(BankPlan plan, String createdBy, Instant createdAt, List<Energy> shifts, long storageWatts) {
        return transaction.execute(status -> {
            long id = jdbc.sql("""
                            INSERT INTO plan_version (bank_id, first_slot, slot_count, source, objective_yen, solve_ms, breaches,
                                                      limit_events, created_at, created_by, storage_w)
                            VALUES (?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?, ?) RETURNING id""")
                    .params(plan.bank().value(), Timestamp.from(plan.slots().get(0).start()), plan.slots().size(), plan.source().name(),
                            plan.objective().amount(), Math.toIntExact(plan.solveTime().toMillis()), plan.breaches().size(),
                            limitEventsJson(plan.limits()), Timestamp.from(createdAt), createdBy, storageWatts)
                    .query(Long.class).single();
            List<Object[]> rows = new ArrayList<>();
            for (int slot = 0; slot < plan.slots().size(); slot++) {
                int t = slot;
                Timestamp start = Timestamp.from(plan.slots().get(t).start());
                long bankStorage = 0;
                long bankEv = 0;
                long bankCurtailed = 0;
                for (FeederSchedule f : plan.feeders()) {
                    long storage = wh(f.storage().stream().map(s -> s.setpoints().get(t)).toList());
                    long ev = wh(f.evs().stream().map(e -> e.setpoints().get(t)).toList());
                    long curtailed = f.curtailed().get(t).wattHours();
                    rows.add(new Object[] {id, f.id().value(), start, f.net().get(t).wattHours(), storage, ev, curtailed, 0L});
                    bankStorage += storage;
                    bankEv += ev;
                    bankCurtailed += curtailed;
                }
                rows.add(new Object[] {id, "", start, plan.bankNet().get(t).wattHours(), bankStorage, bankEv, bankCurtailed,
                        t < shifts.size() ? shifts.get(t).wattHours() : 0L});
            }
            batch.batchUpdate("INSERT INTO plan_slot (plan_id, feeder_id, slot_start, net_wh, storage_wh, ev_wh, curtailed_wh, "
                    + "target_shift_wh) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows);
            return id;
        });
    }

    /**
     * The bank's plan in force for the leading slots of {@code slots} whose gate has closed at {@code now}: for
     * each, the net import of the newest version created before its gate closure (1 h before it starts). Stops
     * at the first slot whose gate is still open or that no such version covers, so the list covers the first
     * {@code size()} slots (what {@link org.aems.optimizer.model.BankProblem#plan()} expects).
     */
    public List<Energy> inForce(BankId bank, List<Slot> slots, Instant now) {
        List<Slot> closed = slots.stream().takeWhile(s -> s.isGateClosedAt(now)).toList();
        if (closed.isEmpty()) {
            return List.of();
        }
        Map<Slot, GateClosedSlot> net = new java.util.HashMap<>();
        atGateClosure(bank, "", closed.get(0), closed.get(closed.size() - 1).next(), now).forEach(g -> net.put(g.slot(), g));
        List<Energy> plan = new ArrayList<>();
        for (Slot slot : closed) {
            GateClosedSlot inForce = net.get(slot);
            if (inForce == null) {
                break;
            }
            plan.add(inForce.net());
        }
        return plan;
    }

    /** A feeder's planned net import for one slot, from the version that was in force when the slot's gate closed. */
    public record GateClosedSlot(Slot slot, long planId, Energy net) {
    }

    /**
     * For each slot of {@code day} whose gate has closed at {@code now}, the feeder's net import in the newest version
     * created before that gate closure (1 h before the slot): the plan the slot is judged against, not a later revision.
     * Slots no such version covers are left out.
     */
    public List<GateClosedSlot> atGateClosure(BankId bank, String feederId, java.time.LocalDate day, Instant now) {
        return atGateClosure(bank, feederId, Slot.of(day, 1), Slot.of(day.plusDays(1), 1), now);
    }

    private List<GateClosedSlot> atGateClosure(BankId bank, String feederId, Slot from, Slot until, Instant now) {
        return atGateClosure(List.of(bank), feederId, from, until, now).stream().map(BankSlot::slot).toList();
    }

    private record BankSlot(BankId bank, GateClosedSlot slot) {
    }

    /** The gate-closure rule in one place: slots in [from, until) whose gate has closed at now; feeder '' = the bank total. */
    private List<BankSlot> atGateClosure(List<BankId> banks, String feederId, Slot from, Slot until, Instant now) {
        return jdbc.sql("""
                        SELECT DISTINCT ON (pv.bank_id, ps.slot_start) pv.bank_id, ps.slot_start, pv.id, ps.net_wh
                        FROM plan_slot ps JOIN plan_version pv ON pv.id = ps.plan_id
                        WHERE pv.bank_id = ANY (?) AND ps.feeder_id = ? AND ps.slot_start >= ? AND ps.slot_start < ?
                          AND ps.slot_start <= ? AND pv.created_at <= ps.slot_start - interval '1 hour'
                        ORDER BY pv.bank_id, ps.slot_start, pv.created_at DESC, pv.id DESC""")
                .params(banks.stream().map(BankId::value).toArray(String[]::new), feederId, Timestamp.from(from.start()),
                        Timestamp.from(until.start()), Timestamp.from(now.plus(java.time.Duration.ofHours(1))))
                .query((rs, n) -> new BankSlot(BankId.of(rs.getString(1)), new GateClosedSlot(Slot.containing(rs.getTimestamp(2).toInstant()),
                        rs.getLong(3), Energy.ofWattHours(rs.getLong(4)))))
                .list();
    }

    /**
     * What the regional step needs of the other banks for {@code gated} (leading slots whose gate has closed at
     * {@code now}): per bank, the storage power of its newest version and, per slot it has a plan in force for, that
     * plan's net import, the newest version's net import and the shift the newest version was asked for.
     */
    public List<RegionalShare.OtherBank> otherBanks(List<BankId> others, List<Slot> gated, Instant now) {
        if (others.isEmpty() || gated.isEmpty()) {
            return List.of();
        }
        Slot from = gated.get(0);
        Slot until = gated.get(gated.size() - 1).next();
        Map<BankId, Map<Slot, Long>> inForce = new HashMap<>();
        atGateClosure(others, "", from, until, now).forEach(b -> inForce.computeIfAbsent(b.bank(), k -> new HashMap<>())
                .put(b.slot().slot(), b.slot().net().wattHours()));
        Map<BankId, Map<Slot, RegionalShare.BankSlot>> slots = new HashMap<>();
        Map<BankId, Long> storage = new HashMap<>();
        Map<BankId, Instant> newestAt = new HashMap<>();
        jdbc.sql("""
                        SELECT DISTINCT ON (pv.bank_id, ps.slot_start) pv.bank_id, ps.slot_start, ps.net_wh, ps.target_shift_wh,
                               pv.storage_w, pv.created_at
                        FROM plan_slot ps JOIN plan_version pv ON pv.id = ps.plan_id
                        WHERE pv.bank_id = ANY (?) AND ps.feeder_id = '' AND ps.slot_start >= ? AND ps.slot_start < ?
                          AND pv.created_at <= ?
                        ORDER BY pv.bank_id, ps.slot_start, pv.created_at DESC, pv.id DESC""")
                .params(others.stream().map(BankId::value).toArray(String[]::new), Timestamp.from(from.start()),
                        Timestamp.from(until.start()), Timestamp.from(now))
                .query(rs -> {
                    BankId bank = BankId.of(rs.getString(1));
                    Slot slot = Slot.containing(rs.getTimestamp(2).toInstant());
                    Instant createdAt = rs.getTimestamp(6).toInstant();
                    if (newestAt.merge(bank, createdAt, (a, b) -> a.isAfter(b) ? a : b).equals(createdAt)) {
                        storage.put(bank, rs.getLong(5));
                    }
                    Long planned = inForce.getOrDefault(bank, Map.of()).get(slot);
                    if (planned != null) {
                        slots.computeIfAbsent(bank, k -> new HashMap<>()).put(slot, new RegionalShare.BankSlot(planned, rs.getLong(3),
                                rs.getLong(4)));
                    }
                });
        return storage.keySet().stream().sorted(java.util.Comparator.comparing(BankId::value))
                .map(b -> new RegionalShare.OtherBank(b, storage.get(b), slots.getOrDefault(b, Map.of()))).toList();
    }

    /** The newest version for a bank, with its slots. */
    public Optional<StoredPlan> latest(BankId bank) {
        return jdbc.sql("SELECT id FROM plan_version WHERE bank_id = ? ORDER BY created_at DESC, id DESC LIMIT 1")
                .param(bank.value()).query(Long.class).optional().flatMap(this::find);
    }

    public Optional<StoredPlan> find(long id) {
        List<StoredPlan.PlanSlot> slots = jdbc.sql("SELECT feeder_id, slot_start, net_wh, storage_wh, ev_wh, curtailed_wh FROM plan_slot "
                        + "WHERE plan_id = ? ORDER BY feeder_id, slot_start")
                .param(id)
                .query((rs, n) -> new StoredPlan.PlanSlot(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6)))
                .list();
        return jdbc.sql("SELECT * FROM plan_version WHERE id = ?").param(id).query((rs, n) -> version(rs, slots)).optional();
    }

    /** Versions of a bank's plans, newest first, without their slots. */
    public List<StoredPlan> versions(BankId bank, int offset, int limit) {
        return jdbc.sql("SELECT * FROM plan_version WHERE bank_id = ? ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?")
                .params(bank.value(), limit, offset).query((rs, n) -> version(rs, List.of())).list();
    }

    private static StoredPlan version(ResultSet rs, List<StoredPlan.PlanSlot> slots) throws SQLException {
        return new StoredPlan(rs.getLong("id"), rs.getString("bank_id"), rs.getTimestamp("first_slot").toInstant(), rs.getInt("slot_count"),
                rs.getString("source"), rs.getBigDecimal("objective_yen"), rs.getInt("solve_ms"), rs.getInt("breaches"),
                rs.getString("limit_events"), rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"), slots);
    }

    /** Energy over one 30-minute slot of a list of constant powers. */
    private static long wh(List<Power> setpoints) {
        return Math.round(setpoints.stream().mapToLong(Power::watts).sum() * 0.5);
    }

    static String limitEventsJson(List<LimitEvent> events) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (LimitEvent e : events) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("where", e.where());
            m.put("slot", e.slot().toString());
            m.put("slotStart", e.slot().start().toString());
            m.put("kind", e.kind().name());
            m.put("outcome", e.outcome().name());
            m.put("limitWh", e.limit() == null ? null : e.limit().wattHours());
            m.put("flowWh", e.flow() == null ? null : e.flow().wattHours());
            m.put("excessWh", e.excess() == null ? null : e.excess().wattHours());
            m.put("why", e.why());
            list.add(m);
        }
        return JSON.writeValueAsString(list);
    }
}
