package org.aems.ingest.store;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import javax.sql.DataSource;
import org.aems.core.telemetry.Reading;

/**
 * PostgreSQL store. Readings go in as one {@code INSERT ... SELECT FROM unnest(arrays) ON CONFLICT DO
 * NOTHING} per batch: one round trip, idempotent, and its row count tells duplicates from new rows.
 */
public final class JdbcReadingStore implements ReadingStore {

    private static final String INSERT_READINGS = """
            INSERT INTO telemetry_reading (site_id, device_id, quantity, ts, value, message_id, received_at)
            SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::float8[], ?::text[], ?::timestamptz[])
            ON CONFLICT (site_id, device_id, quantity, ts) DO NOTHING
            """;

    private static final String INSERT_REJECTION = """
            INSERT INTO telemetry_rejection (received_at, topic, site_id, message_id, reason, detail, reading_index,
                                             payload, payload_size)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;

    private final DataSource dataSource;

    public JdbcReadingStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public StoreOutcome store(List<StampedReading> readings, List<RejectionRecord> rejections) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                int inserted = readings.isEmpty() ? 0 : insertReadings(connection, readings);
                if (!rejections.isEmpty()) {
                    insertRejections(connection, rejections);
                }
                connection.commit();
                return new StoreOutcome(inserted, readings.size() - inserted, rejections.size());
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new StoreException("storing " + readings.size() + " readings and " + rejections.size()
                    + " rejections failed: " + e.getMessage(), e);
        }
    }

    private static int insertReadings(Connection connection, List<StampedReading> readings) throws SQLException {
        int n = readings.size();
        String[] sites = new String[n];
        String[] devices = new String[n];
        String[] quantities = new String[n];
        Timestamp[] timestamps = new Timestamp[n];
        Double[] values = new Double[n];
        String[] messageIds = new String[n];
        Timestamp[] receivedAts = new Timestamp[n];
        for (int i = 0; i < n; i++) {
            StampedReading stamped = readings.get(i);
            Reading r = stamped.reading();
            sites[i] = r.site().value();
            devices[i] = r.device().value();
            quantities[i] = r.quantity().wireName();
            timestamps[i] = Timestamp.from(r.timestamp());
            values[i] = r.value();
            messageIds[i] = stamped.messageId();
            receivedAts[i] = Timestamp.from(stamped.receivedAt());
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT_READINGS)) {
            Array[] arrays = {
                    connection.createArrayOf("text", sites),
                    connection.createArrayOf("text", devices),
                    connection.createArrayOf("text", quantities),
                    connection.createArrayOf("timestamptz", timestamps),
                    connection.createArrayOf("float8", values),
                    connection.createArrayOf("text", messageIds),
                    connection.createArrayOf("timestamptz", receivedAts)};
            for (int i = 0; i < arrays.length; i++) {
                insert.setArray(i + 1, arrays[i]);
            }
            return insert.executeUpdate();
        }
    }

    private static void insertRejections(Connection connection, List<RejectionRecord> rejections) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_REJECTION)) {
            for (RejectionRecord r : rejections) {
                insert.setTimestamp(1, Timestamp.from(r.receivedAt()));
                insert.setString(2, r.topic());
                insert.setString(3, r.siteId());
                insert.setString(4, r.messageId());
                insert.setString(5, r.rejection().reason().name());
                insert.setString(6, r.rejection().detail());
                if (r.rejection().readingIndex() >= 0) {
                    insert.setInt(7, r.rejection().readingIndex());
                } else {
                    insert.setNull(7, java.sql.Types.INTEGER);
                }
                insert.setBytes(8, r.payload());
                insert.setInt(9, r.payloadSize());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
