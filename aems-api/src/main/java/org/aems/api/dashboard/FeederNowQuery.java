package org.aems.api.dashboard;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.aems.ingest.store.StoreException;
import org.springframework.stereotype.Component;

/**
 * Each site's newest battery and EV readings on one feeder: one index probe per site and quantity (the telemetry
 * key starts with site and time), not a scan of the day's readings.
 */
@Component
class FeederNowQuery {

    private static final String NEWEST = "(SELECT t.value, t.ts FROM telemetry_reading t WHERE t.site_id = s.id AND t.quantity = '%s'"
            + " ORDER BY t.ts DESC LIMIT 1)";

    private final DataSource dataSource;

    FeederNowQuery(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    FeederNow of(String feeder) {
        String sql = "SELECT count(soc.value), avg(soc.value), count(plugged.value), count(*) FILTER (WHERE plugged.value > 0),"
                + " count(*) FILTER (WHERE plugged.value > 0 AND power.value > 0),"
                + " least(min(soc.ts), min(plugged.ts)), greatest(max(soc.ts), max(plugged.ts))"
                + " FROM site s"
                + " LEFT JOIN LATERAL " + NEWEST.formatted("battery.soc") + " soc ON true"
                + " LEFT JOIN LATERAL " + NEWEST.formatted("ev.plugged") + " plugged ON true"
                + " LEFT JOIN LATERAL " + NEWEST.formatted("ev.power") + " power ON true"
                + " WHERE s.feeder_id = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, feeder);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                double soc = rs.getDouble(2);
                Optional<Double> average = rs.wasNull() ? Optional.empty() : Optional.of(soc);
                return new FeederNow(rs.getInt(1), average, rs.getInt(3), rs.getInt(4), rs.getInt(5), instant(rs.getTimestamp(6)),
                        instant(rs.getTimestamp(7)));
            }
        } catch (SQLException e) {
            throw new StoreException("reading feeder " + feeder + "'s newest battery and EV readings failed: " + e.getMessage(), e);
        }
    }

    private static Optional<Instant> instant(Timestamp t) {
        return t == null ? Optional.empty() : Optional.of(t.toInstant());
    }
}
