package org.aems.api.kpi;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.aems.core.time.Slot;
import org.aems.ingest.store.StoreException;
import org.springframework.stereotype.Component;

/** Sums the feeders' intervals into the region's, slot by slot: rollups, never raw telemetry. */
@Component
class RegionSlotQuery {

    private final DataSource dataSource;

    RegionSlotQuery(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    List<RegionSlot> between(Instant from, Instant until) {
        List<RegionSlot> slots = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT slot_start, sum(import_wh), sum(export_wh), sum(net_import_wh), sum(pv_wh), sum(buyback_export_wh),
                       sum(site_count), sum(sites_reporting)
                FROM feeder_interval WHERE slot_start >= ? AND slot_start < ?
                GROUP BY slot_start ORDER BY slot_start""")) {
            ps.setTimestamp(1, Timestamp.from(from));
            ps.setTimestamp(2, Timestamp.from(until));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    slots.add(new RegionSlot(Slot.containing(rs.getTimestamp(1).toInstant()), wh(rs, 2), wh(rs, 3), wh(rs, 4), wh(rs, 5),
                            wh(rs, 6), rs.getInt(7), rs.getInt(8)));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("reading the region's intervals failed: " + e.getMessage(), e);
        }
        return slots;
    }

    private static Long wh(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
