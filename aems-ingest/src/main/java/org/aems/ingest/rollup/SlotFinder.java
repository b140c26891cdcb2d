package org.aems.ingest.rollup;

import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.aems.core.grid.SiteId;
import org.aems.core.time.Slot;
import org.aems.core.time.SlotRange;

/**
 * Finds the site-slots a run must compute, on the run's connection: those whose readings changed since
 * the watermark, and every registered site's slots that closed since the last run.
 */
final class SlotFinder {

    /**
     * The slots a reading can change. A power reading stands for at most {@code hold} around it. A register
     * reading changes the slots between its neighbours in the same register (fixed values and readings
     * count as one series), because boundary values are interpolated across it: that is how a reading
     * arriving after a gap fills the slots of the gap. Only slots that have closed are returned; open ones
     * are computed when they close.
     */
    private static final String TOUCHED = """
            WITH params AS (
                SELECT ?::bigint * interval '1 millisecond' AS gap, ?::bigint * interval '1 millisecond' AS hold
            ),
            series (quantity, members, register) AS (
                VALUES ('meter.import.energy', ARRAY['meter.import.energy', 'meter.import.energy.fixed'], true),
                       ('meter.import.energy.fixed', ARRAY['meter.import.energy', 'meter.import.energy.fixed'], true),
                       ('meter.export.energy', ARRAY['meter.export.energy', 'meter.export.energy.fixed'], true),
                       ('meter.export.energy.fixed', ARRAY['meter.export.energy', 'meter.export.energy.fixed'], true),
                       ('pv.energy', ARRAY['pv.energy'], true),
                       ('meter.power', NULL::text[], false),
                       ('pv.power', NULL::text[], false),
                       ('battery.power', NULL::text[], false),
                       ('ev.power', NULL::text[], false)
            ),
            touched AS (
                SELECT t.site_id, t.device_id, t.quantity, min(t.ts) AS first_ts, max(t.ts) AS last_ts
                FROM telemetry_reading t
                WHERE t.received_at > coalesce(?::timestamptz, '-infinity') AND t.received_at <= ?
                  AND t.quantity IN (SELECT quantity FROM series)
                GROUP BY t.site_id, t.device_id, t.quantity
            ),
            span AS (
                SELECT t.site_id,
                       CASE WHEN s.register THEN coalesce(
                                (SELECT max(r.ts) FROM telemetry_reading r
                                 WHERE r.site_id = t.site_id AND r.device_id = t.device_id AND r.quantity = ANY (s.members)
                                   AND r.ts < t.first_ts AND r.ts >= t.first_ts - p.gap),
                                t.first_ts - interval '1 millisecond')
                            ELSE t.first_ts - p.hold END AS lo,
                       CASE WHEN s.register THEN coalesce(
                                (SELECT min(r.ts) FROM telemetry_reading r
                                 WHERE r.site_id = t.site_id AND r.device_id = t.device_id AND r.quantity = ANY (s.members)
                                   AND r.ts > t.last_ts AND r.ts <= t.last_ts + p.gap),
                                t.last_ts)
                            ELSE t.last_ts + p.hold END AS hi
                FROM touched t JOIN series s USING (quantity) CROSS JOIN params p
            )
            SELECT DISTINCT sp.site_id, b.slot_start
            FROM span sp
            JOIN site ON site.id = sp.site_id
            CROSS JOIN LATERAL generate_series(
                    date_bin('30 minutes', sp.lo, TIMESTAMPTZ '2000-01-01 00:00:00+09'),
                    date_bin('30 minutes', sp.hi, TIMESTAMPTZ '2000-01-01 00:00:00+09'),
                    interval '30 minutes') AS b (slot_start)
            WHERE b.slot_start + interval '30 minutes' <= ?
            """;

    /** Every site in force on a slot's JST day (the day is computed in Java, at the edge). */
    private static final String SITES_OF_SLOTS = """
            SELECT s.id, k.slot_start
            FROM unnest(?::timestamptz[], ?::date[]) AS k (slot_start, slot_date)
            JOIN site s ON s.valid_from <= k.slot_date AND (s.valid_until IS NULL OR s.valid_until > k.slot_date)
            """;

    private final Duration maxGap;
    private final Duration powerHold;

    SlotFinder(Duration maxGap, Duration powerHold) {
        this.maxGap = maxGap;
        this.powerHold = powerHold;
    }

    /** The greatest received_at in telemetry, empty when there is none. */
    Optional<Instant> latestReceived(Connection c) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT max(received_at) FROM telemetry_reading");
             ResultSet rs = q.executeQuery()) {
            rs.next();
            Timestamp latest = rs.getTimestamp(1);
            return Optional.ofNullable(latest).map(Timestamp::toInstant);
        }
    }

    /**
     * Closed site-slots whose readings arrived in (after, upTo], of registered sites.
     *
     * @param after    exclusive; empty scans from the beginning
     * @param closable only slots ending at or before it
     */
    Set<SiteSlot> touched(Connection c, Optional<Instant> after, Instant upTo, Instant closable) throws SQLException {
        Set<SiteSlot> found = new TreeSet<>();
        try (PreparedStatement q = c.prepareStatement(TOUCHED)) {
            q.setLong(1, maxGap.toMillis());
            q.setLong(2, powerHold.toMillis());
            q.setTimestamp(3, after.map(Timestamp::from).orElse(null));
            q.setTimestamp(4, Timestamp.from(upTo));
            q.setTimestamp(5, Timestamp.from(closable));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    found.add(new SiteSlot(SiteId.of(rs.getString(1)), Slot.containing(rs.getTimestamp(2).toInstant())));
                }
            }
        }
        return found;
    }

    /** Every site in force on each slot's day, paired with that slot. */
    Set<SiteSlot> sitesOf(Connection c, SlotRange slots) throws SQLException {
        List<Timestamp> starts = new ArrayList<>();
        List<Date> dates = new ArrayList<>();
        for (Slot slot : slots) {
            starts.add(Timestamp.from(slot.start()));
            dates.add(Date.valueOf(slot.date()));
        }
        Set<SiteSlot> found = new TreeSet<>();
        try (PreparedStatement q = c.prepareStatement(SITES_OF_SLOTS)) {
            Array startArray = c.createArrayOf("timestamptz", starts.toArray());
            Array dateArray = c.createArrayOf("date", dates.toArray());
            q.setArray(1, startArray);
            q.setArray(2, dateArray);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    found.add(new SiteSlot(SiteId.of(rs.getString(1)), Slot.containing(rs.getTimestamp(2).toInstant())));
                }
            }
        }
        return found;
    }
}
