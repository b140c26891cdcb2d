package org.aems.ingest.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes raw telemetry and rejections past their retention on plain PostgreSQL, where no TimescaleDB
 * policy does it. Deletes in bounded chunks so a first run on a large table neither locks it for long
 * nor bloats one transaction.
 */
public final class TelemetryRetention {

    private static final Logger log = LoggerFactory.getLogger(TelemetryRetention.class);
    private static final int CHUNK = 50_000;

    private final DataSource dataSource;
    private final Clock clock;
    private final Duration readingRetention;
    private final Duration rejectionRetention;

    public TelemetryRetention(DataSource dataSource, Clock clock, Duration readingRetention, Duration rejectionRetention) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.readingRetention = readingRetention;
        this.rejectionRetention = rejectionRetention;
    }

    /** @return rows deleted */
    public long purge() {
        Instant now = clock.instant();
        long readings = purge("DELETE FROM telemetry_reading WHERE ctid = ANY (ARRAY(SELECT ctid FROM telemetry_reading WHERE ts < ? LIMIT "
                + CHUNK + "))", now.minus(readingRetention));
        long rejections = purge("DELETE FROM telemetry_rejection WHERE id = ANY (ARRAY(SELECT id FROM telemetry_rejection WHERE received_at < ? LIMIT "
                + CHUNK + "))", now.minus(rejectionRetention));
        if (readings + rejections > 0) {
            log.info("retention purged old telemetry [readings: {}, rejections: {}]", readings, rejections);
        }
        return readings + rejections;
    }

    private long purge(String sql, Instant before) {
        long total = 0;
        try (Connection c = dataSource.getConnection(); PreparedStatement delete = c.prepareStatement(sql)) {
            delete.setTimestamp(1, Timestamp.from(before));
            int n;
            do {
                n = delete.executeUpdate();
                total += n;
            } while (n == CHUNK);
            return total;
        } catch (SQLException e) {
            throw new StoreException("retention purge failed: " + e.getMessage(), e);
        }
    }
}
