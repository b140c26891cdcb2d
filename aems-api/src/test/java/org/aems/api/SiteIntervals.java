package org.aems.api;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import javax.sql.DataSource;
import org.aems.core.time.Slot;

/** Writes {@code site_interval} rows as the rollup would, for settlement tests that start from intervals. */
final class SiteIntervals {

    /** One interval; a MISSING one has no values, the other direction of a present one is 0 Wh. */
    record Row(String site, Slot slot, Long exportWh, Long importWh, String quality) {

        static Row exported(String site, Slot slot, Long wh, String quality) {
            boolean missing = quality.equals("MISSING");
            return new Row(site, slot, missing ? null : wh, missing ? null : 0L, quality);
        }

        static Row imported(String site, Slot slot, Long wh, String quality) {
            boolean missing = quality.equals("MISSING");
            return new Row(site, slot, missing ? null : 0L, missing ? null : wh, quality);
        }
    }

    private SiteIntervals() {
    }

    static void insert(DataSource dataSource, List<Row> rows) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO site_interval (site_id, slot_start, slot_date, slot_index, export_wh, import_wh, completeness, quality,
                    source, computed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, now())""")) {
            for (Row r : rows) {
                boolean missing = r.quality().equals("MISSING");
                ps.setString(1, r.site());
                ps.setTimestamp(2, Timestamp.from(r.slot().start()));
                ps.setObject(3, r.slot().date());
                ps.setInt(4, r.slot().index());
                ps.setObject(5, r.exportWh());
                ps.setObject(6, r.importWh());
                ps.setBigDecimal(7, missing ? BigDecimal.ZERO : BigDecimal.ONE);
                ps.setString(8, r.quality());
                ps.setString(9, missing ? "NONE" : "FIXED_VALUE");
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
