package org.aems.api.opendata;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.aems.core.time.Jst;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** One JST day of feeder rollups, the only input of open data: never a site's own interval. */
@Component
class OpenDataQuery {

    /** A feeder's slot: energies in Wh (null = not measured), and how many sites reported in it. */
    record FeederSlot(String feeder, Instant slotStart, int slotIndex, Long importWh, Long exportWh, Long pvWh, int sitesReporting) {
    }

    private final JdbcClient jdbc;

    OpenDataQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<FeederSlot> day(LocalDate date) {
        Instant from = date.atStartOfDay(Jst.ZONE).toInstant();
        Instant until = date.plusDays(1).atStartOfDay(Jst.ZONE).toInstant();
        return jdbc.sql("""
                SELECT feeder_id, slot_start, slot_index, import_wh, export_wh, pv_wh, sites_reporting FROM feeder_interval
                WHERE slot_start >= ? AND slot_start < ? ORDER BY slot_start, feeder_id""")
                .params(java.sql.Timestamp.from(from), java.sql.Timestamp.from(until))
                .query((rs, i) -> new FeederSlot(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getInt(3), wh(rs, 4), wh(rs, 5),
                        wh(rs, 6), rs.getInt(7)))
                .list();
    }

    private static Long wh(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

}
