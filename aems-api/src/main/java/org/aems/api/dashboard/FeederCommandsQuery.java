package org.aems.api.dashboard;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.aems.ingest.store.StoreException;
import org.springframework.stereotype.Component;

/** The newest commands dispatched to a feeder's sites, with what their gateways answered. */
@Component
class FeederCommandsQuery {

    /** One command; times null until they happened, {@code reason} the gateway's (REJECTED, FAILED) or ours (NO_ACK, EXPIRED). */
    record Command(String commandId, String siteId, String deviceId, String action, long setpointW, Instant validFrom,
                   Instant validUntil, Instant issuedAt, String issuedBy, String status, String reason, Instant ackedAt) {
    }

    private final DataSource dataSource;

    FeederCommandsQuery(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    List<Command> newest(String feeder, int limit) {
        List<Command> commands = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT d.command_id, d.site_id, d.device_id, d.action, d.setpoint_w, d.valid_from, d.valid_until, d.issued_at,
                       d.issued_by, d.status, d.reason, d.acked_at
                FROM dispatch_command d JOIN site s ON s.id = d.site_id
                WHERE s.feeder_id = ? ORDER BY d.issued_at DESC, d.command_id LIMIT ?""")) {
            ps.setString(1, feeder);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    commands.add(new Command(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                            instant(rs.getTimestamp(6)), instant(rs.getTimestamp(7)), instant(rs.getTimestamp(8)), rs.getString(9),
                            rs.getString(10), rs.getString(11), instant(rs.getTimestamp(12))));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("reading feeder " + feeder + "'s commands failed: " + e.getMessage(), e);
        }
        return commands;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
