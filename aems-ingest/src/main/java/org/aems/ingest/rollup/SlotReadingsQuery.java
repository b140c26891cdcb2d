package org.aems.ingest.rollup;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.aems.core.unit.Energy;
import org.aems.core.unit.Power;

/**
 * Loads the calculator's input for a batch of site-slots in one query. The database does the per-reading
 * work, so only a handful of rows per site-slot come back:
 * <ul>
 *   <li>registers (the site's registered meter, import and export; each registered PV device's
 *       {@code pv.energy}): the nearest point at or before and after each boundary (within
 *       {@code maxGap}), and both ends of every anomalous step overlapping the slot, i.e. a decrease or an
 *       increase beyond {@code maxSitePower} sustained over the step (at least one slot). A fixed value
 *       wins over a raw reading at the same instant. By {@link RegisterSeries}, this equals the full series;
 *   <li>power ({@code meter.power} of the meter, and {@code pv.power}, {@code battery.power}, {@code ev.power}
 *       of any device): sample-and-hold sums per device, each reading holding until the next one, at
 *       most {@code powerHold}, clipped to the slot.
 * </ul>
 */
final class SlotReadingsQuery {

    private static final String SQL = """
            WITH pair AS (
                SELECT k.n, k.site_id, k.slot_start, k.slot_start + interval '30 minutes' AS slot_end, k.slot_date,
                       ?::bigint * interval '1 millisecond' AS gap, ?::bigint * interval '1 millisecond' AS hold,
                       ?::float8 AS max_w
                FROM unnest(?::text[], ?::timestamptz[], ?::date[]) WITH ORDINALITY AS k (site_id, slot_start, slot_date, n)
            ),
            meter AS (
                SELECT p.n, a.device_id, a.meter_rollover_wh
                FROM pair p
                CROSS JOIN LATERAL (
                    SELECT device_id, meter_rollover_wh FROM asset
                    WHERE site_id = p.site_id AND kind = 'METER' AND valid_from <= p.slot_date
                      AND (valid_until IS NULL OR valid_until > p.slot_date)
                    ORDER BY position LIMIT 1) a
            ),
            series AS (
                SELECT p.n, p.site_id, p.slot_start, p.slot_end, p.gap, p.max_w, m.device_id, r.name, r.raw_q, r.fixed_q,
                       m.meter_rollover_wh AS rollover_wh
                FROM pair p JOIN meter m ON m.n = p.n
                CROSS JOIN (VALUES ('meter.import.energy', 'meter.import.energy', 'meter.import.energy.fixed'),
                                   ('meter.export.energy', 'meter.export.energy', 'meter.export.energy.fixed'))
                           AS r (name, raw_q, fixed_q)
                UNION ALL
                SELECT p.n, p.site_id, p.slot_start, p.slot_end, p.gap, p.max_w, a.device_id, 'pv.energy', 'pv.energy', NULL,
                       NULL
                FROM pair p
                JOIN asset a ON a.site_id = p.site_id AND a.kind = 'PV' AND a.valid_from <= p.slot_date
                            AND (a.valid_until IS NULL OR a.valid_until > p.slot_date)
            ),
            register_points AS (
                SELECT s.n, s.name, s.device_id, s.rollover_wh, w.ts, w.value, w.fixed
                FROM series s
                CROSS JOIN LATERAL (
                    SELECT coalesce((SELECT max(t.ts) FROM telemetry_reading t
                                     WHERE t.site_id = s.site_id AND t.device_id = s.device_id
                                       AND t.quantity IN (s.raw_q, s.fixed_q)
                                       AND t.ts <= s.slot_start AND t.ts >= s.slot_start - s.gap), s.slot_start) AS lo,
                           coalesce((SELECT min(t.ts) FROM telemetry_reading t
                                     WHERE t.site_id = s.site_id AND t.device_id = s.device_id
                                       AND t.quantity IN (s.raw_q, s.fixed_q)
                                       AND t.ts >= s.slot_end AND t.ts <= s.slot_end + s.gap), s.slot_end) AS hi
                ) b
                CROSS JOIN LATERAL (
                    SELECT x.ts, x.value, x.fixed
                    FROM (
                        SELECT d.ts, d.value, d.fixed,
                               lag(d.ts) OVER o AS prev_ts, lead(d.ts) OVER o AS next_ts,
                               lag(d.value) OVER o AS prev_value, lead(d.value) OVER o AS next_value
                        FROM (
                            SELECT DISTINCT ON (t.ts) t.ts, t.value, coalesce(t.quantity = s.fixed_q, false) AS fixed
                            FROM telemetry_reading t
                            WHERE t.site_id = s.site_id AND t.device_id = s.device_id AND t.quantity IN (s.raw_q, s.fixed_q)
                              AND t.ts >= b.lo AND t.ts <= b.hi
                            ORDER BY t.ts, coalesce(t.quantity = s.fixed_q, false) DESC
                        ) d
                        WINDOW o AS (ORDER BY d.ts)
                    ) x
                    WHERE (x.ts <= s.slot_start AND (x.next_ts IS NULL OR x.next_ts > s.slot_start))
                       OR (x.ts >= s.slot_start AND (x.prev_ts IS NULL OR x.prev_ts < s.slot_start))
                       OR (x.ts <= s.slot_end AND (x.next_ts IS NULL OR x.next_ts > s.slot_end))
                       OR (x.ts >= s.slot_end AND (x.prev_ts IS NULL OR x.prev_ts < s.slot_end))
                       OR (x.ts > s.slot_start AND x.prev_ts < s.slot_end
                           AND (x.value < x.prev_value OR x.value - x.prev_value
                                > s.max_w * greatest(extract(epoch FROM x.ts - x.prev_ts), 1800) / 3600))
                       OR (x.next_ts > s.slot_start AND x.ts < s.slot_end
                           AND (x.next_value < x.value OR x.next_value - x.value
                                > s.max_w * greatest(extract(epoch FROM x.next_ts - x.ts), 1800) / 3600))
                ) w
            ),
            power AS (
                SELECT p.n, h.quantity, h.device_id, round(sum(h.held_ms))::bigint AS covered_ms,
                       sum(greatest(h.value, 0) * h.held_ms) AS positive_wms,
                       sum(greatest(-h.value, 0) * h.held_ms) AS negative_wms,
                       max(h.value) AS max_w, min(h.value) AS min_w
                FROM pair p
                CROSS JOIN LATERAL (
                    SELECT y.device_id, y.quantity, y.value,
                           (extract(epoch FROM least(y.next_ts, y.ts + p.hold, p.slot_end) - greatest(y.ts, p.slot_start))
                               * 1000)::float8 AS held_ms
                    FROM (
                        SELECT t.device_id, t.quantity, t.ts, t.value,
                               lead(t.ts) OVER (PARTITION BY t.device_id, t.quantity ORDER BY t.ts) AS next_ts
                        FROM telemetry_reading t
                        WHERE t.site_id = p.site_id
                          AND t.quantity IN ('meter.power', 'pv.power', 'battery.power', 'ev.power')
                          AND t.ts > p.slot_start - p.hold AND t.ts < p.slot_end
                          AND (t.quantity <> 'meter.power' OR t.device_id = (SELECT m.device_id FROM meter m WHERE m.n = p.n))
                    ) y
                ) h
                WHERE h.held_ms > 0
                GROUP BY p.n, h.quantity, h.device_id
            )
            SELECT n, 'R' AS kind, name, device_id, rollover_wh, ts, value, fixed,
                   NULL::bigint, NULL::float8, NULL::float8, NULL::float8, NULL::float8
            FROM register_points
            UNION ALL
            SELECT n, 'P', quantity, device_id, NULL, NULL, NULL, NULL, covered_ms, positive_wms, negative_wms, max_w, min_w
            FROM power
            ORDER BY 1, 2, 3, 4, 6
            """;

    private final Duration maxGap;
    private final Duration powerHold;
    private final Power maxSitePower;

    SlotReadingsQuery(Duration maxGap, Duration powerHold, Power maxSitePower) {
        this.maxGap = maxGap;
        this.powerHold = powerHold;
        this.maxSitePower = maxSitePower;
    }

    /** @return one {@link SlotReadings} per site-slot, in the order given */
    List<SlotReadings> load(Connection c, List<SiteSlot> batch) throws SQLException {
        Map<Integer, Builder> builders = new LinkedHashMap<>();
        String[] sites = new String[batch.size()];
        Timestamp[] starts = new Timestamp[batch.size()];
        Date[] dates = new Date[batch.size()];
        for (int i = 0; i < batch.size(); i++) {
            SiteSlot key = batch.get(i);
            sites[i] = key.site().value();
            starts[i] = Timestamp.from(key.slot().start());
            dates[i] = Date.valueOf(key.slot().date());
            builders.put(i + 1, new Builder(key));
        }
        try (PreparedStatement q = c.prepareStatement(SQL)) {
            q.setLong(1, maxGap.toMillis());
            q.setLong(2, powerHold.toMillis());
            q.setDouble(3, maxSitePower.watts());
            q.setArray(4, c.createArrayOf("text", sites));
            q.setArray(5, c.createArrayOf("timestamptz", starts));
            q.setArray(6, c.createArrayOf("date", dates));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    Builder b = builders.get(rs.getInt(1));
                    String series = rs.getString(3);
                    String device = rs.getString(4);
                    if ("R".equals(rs.getString(2))) {
                        long rollover = rs.getLong(5);
                        Optional<Energy> wrap = rs.wasNull() ? Optional.empty() : Optional.of(Energy.ofWattHours(rollover));
                        b.point(series, device, wrap, new RegisterPoint(rs.getTimestamp(6).toInstant(), rs.getDouble(7), rs.getBoolean(8)));
                    } else {
                        b.power(series, new PowerSummary(device, rs.getLong(9), rs.getDouble(10), rs.getDouble(11), rs.getDouble(12),
                                rs.getDouble(13)));
                    }
                }
            }
        }
        return builders.values().stream().map(Builder::build).toList();
    }

    /** Collects one site-slot's rows. */
    private static final class Builder {
        private final SiteSlot key;
        private final Map<String, List<RegisterPoint>> points = new LinkedHashMap<>();
        private final Map<String, Optional<Energy>> rollovers = new LinkedHashMap<>();
        private final Map<String, List<PowerSummary>> power = new LinkedHashMap<>();

        Builder(SiteSlot key) {
            this.key = key;
        }

        void point(String series, String device, Optional<Energy> rollover, RegisterPoint point) {
            String id = series + "\u0000" + device;
            points.computeIfAbsent(id, k -> new ArrayList<>()).add(point);
            rollovers.put(id, rollover);
        }

        void power(String quantity, PowerSummary summary) {
            power.computeIfAbsent(quantity, k -> new ArrayList<>()).add(summary);
        }

        SlotReadings build() {
            Optional<RegisterSeries> imported = Optional.empty();
            Optional<RegisterSeries> exported = Optional.empty();
            List<RegisterSeries> pv = new ArrayList<>();
            for (Map.Entry<String, List<RegisterPoint>> e : points.entrySet()) {
                String[] parts = e.getKey().split("\u0000", 2);
                RegisterSeries series = new RegisterSeries(parts[1], e.getValue(), rollovers.get(e.getKey()));
                switch (parts[0]) {
                    case "meter.import.energy" -> imported = Optional.of(series);
                    case "meter.export.energy" -> exported = Optional.of(series);
                    default -> pv.add(series);
                }
            }
            List<PowerSummary> meter = power.getOrDefault("meter.power", List.of());
            return new SlotReadings(key, imported, exported, meter.stream().findFirst(), pv,
                    power.getOrDefault("pv.power", List.of()), power.getOrDefault("battery.power", List.of()),
                    power.getOrDefault("ev.power", List.of()));
        }
    }
}
