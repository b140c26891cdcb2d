package org.aems.api.alert;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.aems.core.alert.AlertKind;
import org.aems.core.time.Jst;
import org.aems.ingest.store.StoreException;
import org.springframework.stereotype.Component;

/** Reads the alerts the shared seam (AlertSink) raised, records acknowledgements and what has been forwarded. */
@Component
public class AlertStore {

    private static final String COLUMNS = "id, kind, severity, subject, message, raised_at, last_seen, occurrences, resolved_at,"
            + " acknowledged_at, acknowledged_by";

    private final DataSource dataSource;

    AlertStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Open alerts first (most severe, newest), then the closed ones raised since {@code closedSince}, newest first. */
    List<AlertView> list(boolean openOnly, Instant closedSince, int limit) {
        String sql = "SELECT " + COLUMNS + " FROM alert WHERE resolved_at IS NULL"
                + (openOnly ? "" : " OR raised_at >= ?")
                + " ORDER BY resolved_at IS NOT NULL, CASE severity WHEN 'CRITICAL' THEN 0 WHEN 'WARNING' THEN 1 ELSE 2 END,"
                + " raised_at DESC, id DESC LIMIT ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            if (!openOnly) {
                ps.setTimestamp(i++, Timestamp.from(closedSince));
            }
            ps.setInt(i, limit);
            return read(ps);
        } catch (SQLException e) {
            throw new StoreException("reading alerts failed: " + e.getMessage(), e);
        }
    }

    /** The subjects of the open alerts of one kind. */
    public Set<String> openSubjects(AlertKind kind) {
        Set<String> subjects = new HashSet<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT subject FROM alert WHERE kind = ? AND resolved_at IS NULL")) {
            ps.setString(1, kind.name());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    subjects.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("reading open " + kind + " alerts failed: " + e.getMessage(), e);
        }
        return subjects;
    }

    Optional<AlertView> find(long id) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM alert WHERE id = ?")) {
            ps.setLong(1, id);
            return read(ps).stream().findFirst();
        } catch (SQLException e) {
            throw new StoreException("reading alert " + id + " failed: " + e.getMessage(), e);
        }
    }

    /** Records the first acknowledgement; a second one changes nothing. Empty if there is no such alert. */
    Optional<AlertView> acknowledge(long id, String by, Instant at) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE alert SET acknowledged_at = ?, acknowledged_by = ? WHERE id = ? AND acknowledged_at IS NULL")) {
            ps.setTimestamp(1, Timestamp.from(at));
            ps.setString(2, by);
            ps.setLong(3, id);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("acknowledging alert " + id + " failed: " + e.getMessage(), e);
        }
        return find(id);
    }

    /** Alerts not yet forwarded, oldest first. */
    List<AlertView> unforwarded(int limit) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                + " FROM alert WHERE forwarded_at IS NULL ORDER BY id LIMIT ?")) {
            ps.setInt(1, limit);
            return read(ps);
        } catch (SQLException e) {
            throw new StoreException("reading alerts to forward failed: " + e.getMessage(), e);
        }
    }

    void forwarded(long id, Instant at) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE alert SET forwarded_at = ? WHERE id = ?")) {
            ps.setTimestamp(1, Timestamp.from(at));
            ps.setLong(2, id);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("marking alert " + id + " forwarded failed: " + e.getMessage(), e);
        }
    }

    private static List<AlertView> read(PreparedStatement ps) throws SQLException {
        List<AlertView> alerts = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                alerts.add(new AlertView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        jst(rs.getTimestamp(6)), jst(rs.getTimestamp(7)), rs.getInt(8), jst(rs.getTimestamp(9)), jst(rs.getTimestamp(10)),
                        rs.getString(11)));
            }
        }
        return alerts;
    }

    private static String jst(Timestamp t) {
        return t == null ? null : Jst.toJst(t.toInstant()).toOffsetDateTime().toString();
    }
}
