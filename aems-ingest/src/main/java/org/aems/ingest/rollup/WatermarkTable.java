package org.aems.ingest.rollup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/** Reads and advances the single row of {@code rollup_watermark}, inside the run's transaction. */
final class WatermarkTable {

    RollupWatermark read(Connection c) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT scanned_until, closed_until FROM rollup_watermark FOR UPDATE");
             ResultSet rs = q.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("rollup_watermark has no row; migration V4 inserts it");
            }
            return new RollupWatermark(instant(rs.getTimestamp(1)), instant(rs.getTimestamp(2)));
        }
    }

    /** Moves the watermark forward only: a value behind the stored one leaves it as it is. */
    void advance(Connection c, RollupWatermark to, Instant now) throws SQLException {
        try (PreparedStatement u = c.prepareStatement("""
                UPDATE rollup_watermark
                SET scanned_until = greatest(scanned_until, ?), closed_until = greatest(closed_until, ?), updated_at = ?
                """)) {
            u.setTimestamp(1, to.scannedUntil().map(Timestamp::from).orElse(null));
            u.setTimestamp(2, to.closedUntil().map(Timestamp::from).orElse(null));
            u.setTimestamp(3, Timestamp.from(now));
            u.executeUpdate();
        }
    }

    private static Optional<Instant> instant(Timestamp t) {
        return Optional.ofNullable(t).map(Timestamp::toInstant);
    }
}
