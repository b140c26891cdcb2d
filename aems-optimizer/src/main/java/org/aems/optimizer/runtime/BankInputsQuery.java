package org.aems.optimizer.runtime;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.aems.core.grid.BankId;
import org.aems.core.grid.FeederId;
import org.aems.core.grid.FlowLimits;
import org.aems.core.grid.SiteId;
import org.aems.core.time.Slot;
import org.aems.core.unit.Efficiency;
import org.aems.core.unit.Energy;
import org.aems.core.unit.Power;
import org.aems.optimizer.forecast.SlotSeries;
import org.aems.optimizer.ev.Booking;
import org.aems.optimizer.grid.CurtailmentOrder;
import org.aems.optimizer.grid.CurtailmentOrderStore;
import org.aems.optimizer.ev.BookingStore;
import org.aems.optimizer.model.EvBooking;
import org.aems.optimizer.model.StorageUnit;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads what a bank's plan is built from: the registry (feeders, limits with their effective dates,
 * batteries the platform may dispatch), the feeders' 30-minute history from {@code feeder_interval}, and
 * each battery's last reported state of charge from raw telemetry.
 */
public final class BankInputsQuery {

    /** Charger and vehicle battery together, one way; the registry does not carry it per charger yet. */
    private static final Efficiency EV_EFFICIENCY = Efficiency.of(0.92);

    /**
     * What a booked vehicle not yet back is assumed to hold when it plugs in, as a share of its battery: the booking
     * says what it needs at departure, not what it returns with. Only the plan until it plugs in rests on this.
     */
    public static final double ASSUMED_ARRIVAL_SHARE = 0.5;

    private final JdbcClient jdbc;
    private final BookingStore bookings;
    private final CurtailmentOrderStore orders;
    private final Duration socMaxAge;
    private final int historyDays;

    /**
     * @param socMaxAge   a battery whose last state of charge is older than this is not dispatched
     * @param historyDays how many days of feeder history the forecasts learn from
     */
    public BankInputsQuery(DataSource dataSource, Duration socMaxAge, int historyDays) {
        this.jdbc = JdbcClient.create(dataSource);
        this.bookings = new BookingStore(dataSource);
        this.orders = new CurtailmentOrderStore(dataSource);
        this.socMaxAge = socMaxAge;
        this.historyDays = historyDays;
    }

    /** Banks with at least one feeder in force on {@code day}. */
    public List<BankId> banks(LocalDate day) {
        return jdbc.sql("SELECT DISTINCT bank_id FROM feeder WHERE valid_from <= ? AND (valid_until IS NULL OR valid_until > ?) ORDER BY 1")
                .params(Date.valueOf(day), Date.valueOf(day)).query((rs, n) -> BankId.of(rs.getString(1))).list();
    }

    /**
     * @param notFollowing sites whose recent commands were refused or unanswered: their batteries are left in
     *                     their default mode and planned around
     */
    public BankInputs load(BankId bank, List<Slot> slots, Instant now, Set<SiteId> notFollowing) {
        LocalDate firstDay = slots.get(0).date();
        List<FlowLimits> bankLimits = limitsPerSlot("bank_limit", "bank_id", bank.value(), slots);
        List<FeederId> feeders = jdbc.sql("SELECT id FROM feeder WHERE bank_id = ? AND valid_from <= ? AND (valid_until IS NULL OR valid_until > ?) ORDER BY id")
                .params(bank.value(), Date.valueOf(firstDay), Date.valueOf(firstDay)).query((rs, n) -> FeederId.of(rs.getString(1))).list();
        Map<String, Double> soc = lastStateOfCharge(bank, now);
        List<CurtailmentOrder> orders = this.orders.overlapping(slots.get(0).start(), slots.get(slots.size() - 1).end());
        List<BankInputs.FeederInputs> inputs = new ArrayList<>();
        for (FeederId feeder : feeders) {
            List<StorageUnit> storage = new ArrayList<>();
            Map<String, String> uncontrolled = new LinkedHashMap<>();
            jdbc.sql("""
                            SELECT a.site_id, a.device_id, a.curtailable, a.battery_capacity_wh, a.battery_max_charge_w, a.battery_max_discharge_w,
                                   a.battery_charge_efficiency, a.battery_discharge_efficiency
                            FROM asset a JOIN site s ON s.id = a.site_id
                            WHERE s.feeder_id = ? AND a.kind = 'BATTERY'
                              AND a.valid_from <= ? AND (a.valid_until IS NULL OR a.valid_until > ?)
                              AND s.valid_from <= ? AND (s.valid_until IS NULL OR s.valid_until > ?)
                            ORDER BY a.site_id, a.device_id""")
                    .params(feeder.value(), Date.valueOf(firstDay), Date.valueOf(firstDay), Date.valueOf(firstDay), Date.valueOf(firstDay))
                    .query(rs -> {
                        String id = rs.getString(1) + "/" + rs.getString(2);
                        Double percent = soc.get(id);
                        if (!rs.getBoolean(3)) {
                            uncontrolled.put(id, "not dispatchable (curtailable: false in the registry)");
                        } else if (notFollowing.contains(SiteId.of(rs.getString(1)))) {
                            uncontrolled.put(id, "its site refused or did not answer a recent command");
                        } else if (percent == null) {
                            uncontrolled.put(id, "no state of charge reported in the last " + socMaxAge.toMinutes() + " min");
                        } else {
                            long capacity = rs.getLong(4);
                            Energy stored = Energy.ofWattHours(Math.round(capacity * Math.min(100, Math.max(0, percent)) / 100));
                            storage.add(new StorageUnit(id, Energy.ofWattHours(capacity), Power.ofWatts(rs.getLong(5)),
                                    Power.ofWatts(rs.getLong(6)), Efficiency.of(rs.getDouble(7)), Efficiency.of(rs.getDouble(8)), stored,
                                    BankInputs.endTarget(stored, Energy.ofWattHours(capacity))));
                        }
                    });
            long pvPeak = jdbc.sql("""
                            SELECT coalesce(sum(a.pv_peak_w), 0) FROM asset a JOIN site s ON s.id = a.site_id
                            WHERE s.feeder_id = ? AND a.kind = 'PV' AND a.valid_from <= ? AND (a.valid_until IS NULL OR a.valid_until > ?)""")
                    .params(feeder.value(), Date.valueOf(firstDay), Date.valueOf(firstDay)).query(Long.class).single();
            List<BankInputs.CurtailablePv> curtailable = jdbc.sql("""
                            SELECT a.site_id || '/' || a.device_id, a.pv_peak_w, a.pv_inverter_limit_w, a.pv_tilt_deg, a.pv_azimuth_deg FROM asset a JOIN site s ON s.id = a.site_id
                            WHERE s.feeder_id = ? AND a.kind = 'PV' AND a.curtailable AND a.valid_from <= ? AND (a.valid_until IS NULL OR a.valid_until > ?)
                              AND NOT (s.id = ANY (?)) ORDER BY 1""")
                    .params(feeder.value(), Date.valueOf(firstDay), Date.valueOf(firstDay),
                            notFollowing.stream().map(SiteId::value).toArray(String[]::new))
                    .query((rs, n) -> new BankInputs.CurtailablePv(rs.getString(1), Power.ofWatts(rs.getLong(2)),
                            Power.ofWatts(rs.getLong(3)), rs.getDouble(4), rs.getDouble(5))).list();
            FeederHistory history = history(bank, feeder, slots.get(0));
            Slot last = slots.get(0).previous();
            // With planned curtailment in the last slot, what the limits held back is known (the history has it added
            // back); limits in force there without it (an export guard, an order) held back an unmeasured amount.
            HeldBack heldBackLastSlot = HeldBack.after(history.curtailedLastSlot(), () -> jdbc.sql("""
                            SELECT EXISTS (SELECT 1 FROM dispatch_command dc JOIN site s ON s.id = dc.site_id
                            WHERE s.feeder_id = ? AND dc.action = 'LIMIT_PV' AND dc.issued_by = 'optimizer' AND dc.valid_from = ?
                              AND dc.status IN ('SENT', 'ACCEPTED'))""")
                    .params(feeder.value(), Timestamp.from(last.start())).query(Boolean.class).single());
            inputs.add(new BankInputs.FeederInputs(feeder, limitsPerSlot("feeder_limit", "feeder_id", feeder.value(), slots), history.demand(),
                    history.pv(), pvPeak == 0 ? 0 : (double) curtailable.stream().mapToLong(c -> c.peak().watts()).sum() / pvPeak, storage, uncontrolled,
                    Power.ofWatts(pvPeak), curtailable, heldBackLastSlot, evs(feeder, slots, now, notFollowing, uncontrolled),
                    slots.stream().map(slot -> orders.stream().filter(o -> o.covers(feeder, slot)).mapToDouble(CurtailmentOrder::maxShare)
                            .min().orElse(1.0)).toList()));
        }
        return new BankInputs(bank, slots, bankLimits, inputs);
    }

    /**
     * Booked vehicles on this feeder's dispatchable chargers, each steered over its own window: one plugged in now
     * from this slot to the slot its departure falls in, needing what the booking requires less what its last state
     * of charge says it holds; one still to come back from the first slot that starts after its plug-in, needing the
     * booking's energy less {@link #ASSUMED_ARRIVAL_SHARE} of its battery (replanned with the measured state once it is
     * plugged). Each within its battery's room (capacity less what it holds or is assumed to hold). Their
     * charging is modelled, never learned: {@link #history} leaves booked windows' EV energy out of the demand. A
     * plugged vehicle without a booking charges on plug-in, part of the learned demand.
     */
    private List<EvBooking> evs(FeederId feeder, List<Slot> slots, Instant now, Set<SiteId> notFollowing, Map<String, String> uncontrolled) {
        Map<String, List<Booking>> bookings = new HashMap<>();
        for (Booking b : this.bookings.active(now, slots.get(slots.size() - 1).end())) {
            bookings.computeIfAbsent(b.site().value() + "/" + b.charger().value(), k -> new ArrayList<>()).add(b);
        }
        List<EvBooking> evs = new ArrayList<>();
        jdbc.sql("""
                        SELECT a.site_id, a.device_id, a.curtailable, a.ev_max_charge_w, a.ev_max_discharge_w, a.ev_v2x,
                               (SELECT r.value FROM telemetry_reading r WHERE r.site_id = a.site_id AND r.device_id = a.device_id
                                  AND r.quantity = 'ev.plugged' AND r.ts > ? AND r.ts <= ? ORDER BY r.ts DESC LIMIT 1) AS plugged,
                               (SELECT r.value FROM telemetry_reading r WHERE r.site_id = a.site_id AND r.device_id = a.device_id
                                  AND r.quantity = 'ev.soc' AND r.ts > ? AND r.ts <= ? ORDER BY r.ts DESC LIMIT 1) AS soc
                        FROM asset a JOIN site s ON s.id = a.site_id
                        WHERE s.feeder_id = ? AND a.kind = 'EV_CHARGER' AND a.valid_from <= ? AND (a.valid_until IS NULL OR a.valid_until > ?)
                        ORDER BY a.site_id, a.device_id""")
                .params(Timestamp.from(now.minus(socMaxAge)), Timestamp.from(now), Timestamp.from(now.minus(socMaxAge)), Timestamp.from(now),
                        feeder.value(), Date.valueOf(slots.get(0).date()), Date.valueOf(slots.get(0).date()))
                .query(rs -> {
                    String id = rs.getString(1) + "/" + rs.getString(2);
                    List<Booking> booked = bookings.getOrDefault(id, List.of());
                    double plugged = rs.getDouble(7);
                    boolean pluggedKnown = !rs.wasNull();
                    double soc = rs.getDouble(8);
                    boolean socKnown = !rs.wasNull();
                    if (booked.isEmpty()) {
                        return; // no booking: charges on plug-in, part of the learned demand
                    }
                    if (!rs.getBoolean(3)) {
                        uncontrolled.put(id, "EV charger not dispatchable (curtailable: false in the registry)");
                        return;
                    }
                    if (notFollowing.contains(SiteId.of(rs.getString(1)))) {
                        uncontrolled.put(id, "its site refused or did not answer a recent command");
                        return;
                    }
                    Power maxCharge = Power.ofWatts(rs.getLong(4));
                    Power maxDischarge = rs.getBoolean(6) ? Power.ofWatts(rs.getLong(5)) : Power.ZERO;
                    boolean current = false;
                    for (Booking booking : booked) {
                        int departure = BankInputs.slotIndex(slots, booking.departure());
                        if (booking.pluggedFrom().isAfter(now)) {
                            int from = BankInputs.firstSlotFrom(slots, booking.pluggedFrom());
                            Energy held = Energy.ofWattHours(Math.round(booking.capacity().wattHours() * ASSUMED_ARRIVAL_SHARE));
                            if (from < departure) {
                                evs.add(window(id, from, departure, booking.required(), booking.capacity(), held, maxCharge, maxDischarge));
                            }
                        } else if (!current) {
                            current = true;
                            if (!pluggedKnown || plugged < 0.5 || !socKnown) {
                                uncontrolled.put(id, "booking " + booking.id() + ": vehicle not reported plugged in with its state of charge");
                                continue;
                            }
                            Energy held = Energy.ofWattHours(Math.round(booking.capacity().wattHours() * Math.min(100, Math.max(0, soc)) / 100));
                            evs.add(window(id, 0, departure, booking.required(), booking.capacity(), held, maxCharge, maxDischarge));
                        }
                    }
                });
        return evs;
    }

    /**
     * A booked vehicle's window {@code [from, departure)}: it needs the booking's energy less what it holds, and its
     * battery has room for its capacity less that.
     */
    public static EvBooking window(String id, int from, int departure, Energy required, Energy capacity, Energy held, Power maxCharge,
                                   Power maxDischarge) {
        return new EvBooking(id, from, departure, Energy.ofWattHours(Math.max(0, required.wattHours() - held.wattHours())),
                Energy.ofWattHours(Math.max(0, capacity.wattHours() - held.wattHours())), maxCharge, maxDischarge, EV_EFFICIENCY);
    }

    private List<FlowLimits> limitsPerSlot(String table, String key, String id, List<Slot> slots) {
        record Row(LocalDate from, LocalDate until, FlowLimits limits) {
        }
        List<Row> rows = jdbc.sql("SELECT valid_from, valid_until, reverse_flow_limit_w, import_limit_w FROM " + table + " WHERE " + key
                        + " = ? ORDER BY valid_from")
                .param(id)
                .query((rs, n) -> new Row(rs.getDate(1).toLocalDate(), rs.getDate(2) == null ? null : rs.getDate(2).toLocalDate(),
                        new FlowLimits(Power.ofWatts(rs.getLong(3)), Power.ofWatts(rs.getLong(4)))))
                .list();
        List<FlowLimits> perSlot = new ArrayList<>(slots.size());
        for (Slot slot : slots) {
            LocalDate day = slot.date();
            perSlot.add(rows.stream().filter(r -> !r.from().isAfter(day) && (r.until() == null || r.until().isAfter(day)))
                    .map(Row::limits).reduce((a, b) -> b)
                    .orElseThrow(() -> new IllegalStateException(table.replace('_', ' ') + " of " + id + ": none in force on " + day
                            + "; add one to the region file and import it again")));
        }
        return perSlot;
    }

    /**
     * Demand without our batteries and without the vehicles booked on dispatchable chargers, and PV, per slot over the
     * last {@code historyDays} days before {@code until}. Booked charging is left out because the model plans it
     * (see {@link #evs}); learning it as demand too would count it twice. Per site: a station's slot in a booking's
     * window loses all of its EV energy. The demand takes the PV the sites made; the PV learned is that plus what the
     * plan that dispatched the slot curtailed there (the round made during it, ADR 0026), else a sunny day's
     * curtailment taught the next days' forecasts less sun, and their plans less room for it. Limits without planned
     * curtailment (export guards, orders) held back an unknown amount: those slots stay as measured.
     */
    private FeederHistory history(BankId bank, FeederId feeder, Slot until) {
        TreeMap<Slot, Double> load = new TreeMap<>();
        TreeMap<Slot, Double> pv = new TreeMap<>();
        Slot last = until.previous();
        long[] curtailedLast = {0};
        Timestamp from = Timestamp.from(until.start().minus(Duration.ofDays(historyDays)));
        Timestamp to = Timestamp.from(until.start());
        jdbc.sql("""
                        WITH booked AS (
                            SELECT si.slot_start, sum(coalesce(si.ev_charge_wh, 0) - coalesce(si.ev_discharge_wh, 0)) AS ev_wh
                            FROM site_interval si
                            WHERE si.slot_start >= ? AND si.slot_start < ?
                              AND si.site_id IN (SELECT s.id FROM site s WHERE s.feeder_id = ?)
                              AND EXISTS (SELECT 1 FROM ev_booking b JOIN asset a ON a.site_id = b.site_id AND a.device_id = b.device_id
                                          WHERE b.site_id = si.site_id AND NOT b.cancelled AND a.kind = 'EV_CHARGER' AND a.curtailable
                                            AND b.plugged_from < si.slot_start + interval '30 minutes' AND b.departure > si.slot_start)
                            GROUP BY si.slot_start),
                        curtailed AS (
                            SELECT DISTINCT ON (pv.first_slot) pv.first_slot AS slot_start, ps.curtailed_wh
                            FROM plan_version pv JOIN plan_slot ps ON ps.plan_id = pv.id AND ps.feeder_id = ? AND ps.slot_start = pv.first_slot
                            WHERE pv.bank_id = ? AND pv.created_at >= ? AND pv.first_slot >= ? AND pv.first_slot < ?
                            ORDER BY pv.first_slot, pv.created_at DESC, pv.id DESC)
                        SELECT fi.slot_start, fi.net_import_wh, coalesce(fi.pv_wh, 0),
                               coalesce(fi.battery_charge_wh, 0) - coalesce(fi.battery_discharge_wh, 0), coalesce(b.ev_wh, 0),
                               coalesce(c.curtailed_wh, 0)
                        FROM feeder_interval fi LEFT JOIN booked b ON b.slot_start = fi.slot_start
                                                LEFT JOIN curtailed c ON c.slot_start = fi.slot_start
                        WHERE fi.feeder_id = ? AND fi.slot_start >= ? AND fi.slot_start < ? AND fi.net_import_wh IS NOT NULL
                        ORDER BY fi.slot_start""")
                .params(from, to, feeder.value(), feeder.value(), bank.value(), from, from, to, feeder.value(), from, to)
                .query(rs -> {
                    Slot slot = Slot.containing(rs.getTimestamp(1).toInstant());
                    double pvWh = rs.getLong(3);
                    load.put(slot, rs.getLong(2) + pvWh - rs.getLong(4) - rs.getLong(5));
                    long curtailed = Math.max(0, rs.getLong(6));
                    pv.put(slot, pvWh + curtailed);
                    if (slot.equals(last)) {
                        curtailedLast[0] = curtailed;
                    }
                });
        return new FeederHistory(new SlotSeries(feeder.value() + " demand", "Wh", load), new SlotSeries(feeder.value() + " pv", "Wh", pv),
                Energy.ofWattHours(curtailedLast[0]));
    }

    /**
     * @param curtailedLastSlot what the plan that dispatched the slot just measured curtailed there (zero until its
     *                          interval is rolled up: without a measurement the nowcast has nothing to correct)
     */
    private record FeederHistory(SlotSeries demand, SlotSeries pv, Energy curtailedLastSlot) {
    }

    /** Each battery's last state of charge (%) within {@code socMaxAge}, keyed {@code siteId/deviceId}. */
    private Map<String, Double> lastStateOfCharge(BankId bank, Instant now) {
        Map<String, Double> soc = new HashMap<>();
        jdbc.sql("""
                        SELECT DISTINCT ON (r.site_id, r.device_id) r.site_id, r.device_id, r.value
                        FROM telemetry_reading r JOIN site s ON s.id = r.site_id JOIN feeder f ON f.id = s.feeder_id
                        WHERE f.bank_id = ? AND r.quantity = 'battery.soc' AND r.ts > ? AND r.ts <= ?
                        ORDER BY r.site_id, r.device_id, r.ts DESC""")
                .params(bank.value(), Timestamp.from(now.minus(socMaxAge)), Timestamp.from(now))
                .query(rs -> {
                    soc.put(rs.getString(1) + "/" + rs.getString(2), rs.getDouble(3));
                });
        return soc;
    }
}
