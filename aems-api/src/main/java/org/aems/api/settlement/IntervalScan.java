package org.aems.api.settlement;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.aems.core.grid.SiteId;
import org.aems.core.settlement.IntervalQuality;
import org.aems.core.time.Slot;

/**
 * Streams {@code site_interval} rows through a server-side cursor ({@code fetchSize} rows per round trip;
 * needs a connection with auto-commit off), so a month of 80,000 sites never sits in memory.
 */
final class IntervalScan {

    /** One interval as settlement needs it; {@code exportWh} is -1 when the interval has no value (MISSING). */
    record Row(String siteId, Slot slot, long exportWh, IntervalQuality quality, int revision) {
    }

    interface RowHandler {
        void accept(Row row);
    }

    private IntervalScan() {
    }

    /** Every interval with slot_start in [from, to), in no particular order. */
    static void all(Connection c, Instant from, Instant to, int fetchSize, RowHandler handler) throws SQLException {
        scan(c, from, to, Optional.empty(), fetchSize, handler);
    }

    /** One site's intervals in [from, to), in slot order. */
    static void site(Connection c, SiteId site, Instant from, Instant to, RowHandler handler) throws SQLException {
        scan(c, from, to, Optional.of(site), 2_000, handler);
    }

    private static void scan(Connection c, Instant from, Instant to, Optional<SiteId> site, int fetchSize, RowHandler handler)
            throws SQLException {
        // The day as a number, not a date: one LocalDate per day instead of a parse per row.
        String sql = "SELECT site_id, slot_date - DATE '1970-01-01', slot_index, export_wh, quality, revision FROM site_interval"
                + " WHERE slot_start >= ? AND slot_start < ?" + (site.isPresent() ? " AND site_id = ? ORDER BY slot_start" : "");
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setFetchSize(fetchSize);
            ps.setTimestamp(1, Timestamp.from(from));
            ps.setTimestamp(2, Timestamp.from(to));
            if (site.isPresent()) {
                ps.setString(3, site.get().value());
            }
            long firstDay = Slot.containing(from).date().toEpochDay();
            LocalDate[] days = new LocalDate[64];
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int epochDay = rs.getInt(2);
                    int offset = (int) (epochDay - firstDay);
                    LocalDate day = offset >= 0 && offset < days.length ? days[offset] : null;
                    if (day == null) {
                        day = LocalDate.ofEpochDay(epochDay);
                        if (offset >= 0 && offset < days.length) {
                            days[offset] = day;
                        }
                    }
                    long export = rs.getLong(4);
                    if (rs.wasNull()) {
                        export = -1;
                    }
                    handler.accept(new Row(rs.getString(1), Slot.of(day, rs.getInt(3)), export,
                            IntervalQuality.valueOf(rs.getString(5)), rs.getInt(6)));
                }
            }
        }
    }
}
