package org.aems.ingest.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;
import org.aems.core.alert.Alert;
import org.aems.core.alert.AlertKind;
import org.aems.core.alert.AlertSink;

/** Alerts in PostgreSQL: one open row per kind and subject, occurrences counted. */
public final class JdbcAlertSink implements AlertSink {

    private final DataSource dataSource;

    public JdbcAlertSink(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void raise(Alert alert) {
        try (Connection c = dataSource.getConnection(); PreparedStatement upsert = c.prepareStatement("""
                INSERT INTO alert (kind, severity, subject, message, raised_at, last_seen)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (kind, subject) WHERE resolved_at IS NULL
                DO UPDATE SET occurrences = alert.occurrences + 1, last_seen = EXCLUDED.last_seen, message = EXCLUDED.message
                """)) {
            upsert.setString(1, alert.kind().name());
            upsert.setString(2, alert.severity().name());
            upsert.setString(3, alert.subject());
            upsert.setString(4, alert.message());
            upsert.setTimestamp(5, Timestamp.from(alert.raisedAt()));
            upsert.setTimestamp(6, Timestamp.from(alert.raisedAt()));
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("raising alert " + alert.kind() + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void resolve(AlertKind kind, String subject, Instant at) {
        try (Connection c = dataSource.getConnection(); PreparedStatement update = c.prepareStatement(
                "UPDATE alert SET resolved_at = ? WHERE kind = ? AND subject = ? AND resolved_at IS NULL")) {
            update.setTimestamp(1, Timestamp.from(at));
            update.setString(2, kind.name());
            update.setString(3, subject);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("resolving alert " + kind + " failed: " + e.getMessage(), e);
        }
    }
}
