package org.aems.api.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.aems.ingest.store.StoreException;

/**
 * Runs a periodic round on at most one AEMS instance at a time: a PostgreSQL session advisory lock, named, held for the
 * round on its own connection. Another instance that finds it taken skips its round, so with N instances an alert is
 * still raised once and forwarded once, and nothing needs electing: when the holder dies its lock goes with its session.
 */
public final class OneInstanceAtATime {

    private final DataSource dataSource;
    private final String name;

    public OneInstanceAtATime(DataSource dataSource, String name) {
        this.dataSource = dataSource;
        this.name = name;
    }

    /** Runs {@code round} if no other instance is running it now; false when it was skipped. */
    public boolean run(Runnable round) {
        try (Connection c = dataSource.getConnection()) {
            if (!lock(c, "SELECT pg_try_advisory_lock(hashtext(?))")) {
                return false;
            }
            try {
                round.run();
                return true;
            } finally {
                lock(c, "SELECT pg_advisory_unlock(hashtext(?))");
            }
        } catch (SQLException e) {
            throw new StoreException("cannot take the '" + name + "' lock: " + e.getMessage(), e);
        }
    }

    private boolean lock(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, "aems:" + name);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }
}
