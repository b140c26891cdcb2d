package org.aems.api.dashboard;

import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.aems.ingest.store.StoreException;
import org.springframework.stereotype.Component;

/**
 * The Sites page: sites matching a search among those the caller may see, each with its newest reading, its
 * intervals' quality on a day and its rejections of the last 24 hours; a site's newest rejections. Index probes per
 * site (telemetry and rejections are keyed by site and time), one page of sites at a time.
 */
@Component
class SiteStatusQuery {

    record SiteStatus(String id, String name, String kind, String feeder, Instant lastReading, int measured, int estimated,
                      int missing, int rejections24h, String lastRejection) {
    }

    record Rejection(Instant receivedAt, String reason, String detail, String messageId) {
    }

    record Found(long total, List<SiteStatus> sites) {
    }

    private final DataSource dataSource;

    SiteStatusQuery(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** {@code visible}: the ids the caller may see; {@code search}: part of an id or name, any case, or null. */
    Found search(List<String> visible, String search, LocalDate day, Instant now, int offset, int limit) {
        String pattern = search == null || search.isBlank() ? null : "%" + search.strip().replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_") + "%";
        String matching = " FROM site s WHERE s.id = ANY(?) AND (CAST(? AS text) IS NULL OR s.id ILIKE ? OR s.name ILIKE ?)";
        try (Connection c = dataSource.getConnection()) {
            Array ids = c.createArrayOf("text", visible.toArray());
            long total;
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*)" + matching)) {
                bind(ps, ids, pattern);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<SiteStatus> sites = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT s.id, s.name, s.kind, s.feeder_id, last.ts, q.measured, q.estimated, q.missing, r.count, r.reason
                    FROM (SELECT s.*""" + matching + """
                     ORDER BY s.id LIMIT ? OFFSET ?) s
                    LEFT JOIN LATERAL (SELECT t.ts FROM telemetry_reading t WHERE t.site_id = s.id ORDER BY t.ts DESC LIMIT 1) last ON true
                    LEFT JOIN LATERAL (SELECT count(*) FILTER (WHERE i.quality = 'MEASURED') AS measured,
                                              count(*) FILTER (WHERE i.quality = 'ESTIMATED') AS estimated,
                                              count(*) FILTER (WHERE i.quality = 'MISSING') AS missing
                                       FROM site_interval i WHERE i.site_id = s.id AND i.slot_date = ?) q ON true
                    LEFT JOIN LATERAL (SELECT count(*) AS count, (array_agg(x.reason ORDER BY x.received_at DESC))[1] AS reason
                                       FROM telemetry_rejection x WHERE x.site_id = s.id AND x.received_at >= ?) r ON true
                    ORDER BY s.id""")) {
                int i = bind(ps, ids, pattern);
                ps.setInt(i++, limit);
                ps.setInt(i++, offset);
                ps.setDate(i++, Date.valueOf(day));
                ps.setTimestamp(i, Timestamp.from(now.minusSeconds(24 * 3600)));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Timestamp last = rs.getTimestamp(5);
                        sites.add(new SiteStatus(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                last == null ? null : last.toInstant(), rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9),
                                rs.getString(10)));
                    }
                }
            }
            return new Found(total, sites);
        } catch (SQLException e) {
            throw new StoreException("searching sites failed: " + e.getMessage(), e);
        }
    }

    private static int bind(PreparedStatement ps, Array ids, String pattern) throws SQLException {
        ps.setArray(1, ids);
        ps.setString(2, pattern);
        ps.setString(3, pattern);
        ps.setString(4, pattern);
        return 5;
    }

    List<Rejection> rejections(String site, int limit) {
        List<Rejection> rejections = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT received_at, reason, detail, message_id FROM telemetry_rejection WHERE site_id = ?
                ORDER BY received_at DESC, id DESC LIMIT ?""")) {
            ps.setString(1, site);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rejections.add(new Rejection(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("reading site " + site + "'s rejections failed: " + e.getMessage(), e);
        }
        return rejections;
    }
}
