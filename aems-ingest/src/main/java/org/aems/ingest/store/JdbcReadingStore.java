package org.aems.ingest.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.aems.core.telemetry.Reading;
import org.aems.core.telemetry.Rejection;
import org.aems.core.telemetry.RejectionReason;
import org.aems.ingest.store.ReadingStore.Origin;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * PostgreSQL store, idempotent and fast: a batch is COPYed into a session-local staging table, then
 * moved with {@code INSERT ... ON CONFLICT DO NOTHING}; keys that were already stored with another
 * value are recorded as conflicts and their stored reading flagged. One transaction per batch.
 * (Measured against batched and array INSERTs in docs/benchmarks.md.)
 */
public final class JdbcReadingStore implements ReadingStore {

    private static final String STAGING = """
            CREATE TEMP TABLE IF NOT EXISTS staged_reading (
                site_id text, device_id text, quantity text, ts timestamptz, value double precision,
                message_id text, received_at timestamptz)
            """;

    private static final String COPY = "COPY staged_reading FROM STDIN";

    /**
     * Empties the session's staging tables. DELETE is the cheap way per batch (ON COMMIT DELETE ROWS or TRUNCATE
     * create new files at every commit), but autovacuum never visits temporary tables: the dead rows stayed for the
     * session's life, and every batch scanned all of them (1.16 M dead rows, 125 MB, after 2 simulated hours of the
     * city, each slot slower than the last). So once the table outgrows the session's temp buffers (8 MB by default)
     * it is truncated instead.
     */
    static final String EMPTY_STAGING = """
            DO $$ BEGIN
                IF pg_relation_size('pg_temp.staged_reading') + pg_relation_size('pg_temp.register_check') > 8 * 1024 * 1024 THEN
                    TRUNCATE staged_reading, register_check;
                ELSE
                    DELETE FROM staged_reading;
                    DELETE FROM register_check;
                END IF;
            END $$""";

    private static final String MOVE = """
            INSERT INTO telemetry_reading (site_id, device_id, quantity, ts, value, message_id, received_at)
            SELECT site_id, device_id, quantity, ts, value, message_id, received_at FROM staged_reading
            ORDER BY site_id, ts, device_id, quantity
            ON CONFLICT (site_id, device_id, quantity, ts) DO NOTHING
            """;

    /** Staged rows whose key is stored with a different value: new conflicts only (redeliveries are duplicates). */
    private static final String RECORD_CONFLICTS = """
            WITH recorded AS (
                INSERT INTO telemetry_conflict (site_id, device_id, quantity, ts, conflicting_value, stored_value,
                                                message_id, received_at)
                SELECT DISTINCT ON (s.site_id, s.device_id, s.quantity, s.ts, s.value)
                       s.site_id, s.device_id, s.quantity, s.ts, s.value, t.value, s.message_id, s.received_at
                FROM staged_reading s
                JOIN telemetry_reading t USING (site_id, device_id, quantity, ts)
                WHERE t.value <> s.value
                ON CONFLICT DO NOTHING
                RETURNING site_id, device_id, quantity, ts)
            UPDATE telemetry_reading t SET conflicted = true
            FROM recorded r
            WHERE t.site_id = r.site_id AND t.device_id = r.device_id AND t.quantity = r.quantity AND t.ts = r.ts
              AND NOT t.conflicted
            """;

    private static final String COUNT_NEW_CONFLICTS = """
            SELECT count(*) FROM telemetry_conflict c JOIN staged_reading s
              ON c.site_id = s.site_id AND c.device_id = s.device_id AND c.quantity = s.quantity AND c.ts = s.ts
             AND c.conflicting_value = s.value AND c.message_id = s.message_id AND c.received_at = s.received_at
            """;

    private static final String CUMULATIVE = """
            ('meter.import.energy', 'meter.export.energy', 'meter.import.energy.fixed', 'meter.export.energy.fixed',
             'pv.energy')""";

    private static final String REGISTER_CHECK = """
            CREATE TEMP TABLE IF NOT EXISTS register_check (
                site_id text, device_id text, quantity text, ts timestamptz, value double precision,
                message_id text, received_at timestamptz, previous_ts timestamptz, previous_value double precision,
                kind text)
            """;

    /**
     * Each staged cumulative register that is lower than the previous value of the same register, that
     * previous value being the later of the one stored and the one earlier in the same batch, classified:
     * a rollover near the meter's wrap value, a replacement restarting near zero, or a decrease that
     * neither explains. Runs before the staged rows are moved, so a decrease can still be refused.
     */
    private static final String CLASSIFY_REGISTERS = """
            INSERT INTO register_check
            WITH cumulative AS (
                SELECT s.*, lag(s.ts) OVER w AS batch_ts, lag(s.value) OVER w AS batch_value
                FROM staged_reading s
                WHERE s.quantity IN %s
                WINDOW w AS (PARTITION BY s.site_id, s.device_id, s.quantity ORDER BY s.ts)),
            compared AS (
                SELECT c.site_id, c.device_id, c.quantity, c.ts, c.value, c.message_id, c.received_at,
                       CASE WHEN p.ts > c.batch_ts OR c.batch_ts IS NULL THEN p.ts ELSE c.batch_ts END AS previous_ts,
                       CASE WHEN p.ts > c.batch_ts OR c.batch_ts IS NULL THEN p.value ELSE c.batch_value END AS previous_value
                FROM cumulative c
                LEFT JOIN LATERAL (SELECT t.ts, t.value FROM telemetry_reading t
                                   WHERE t.site_id = c.site_id AND t.ts < c.ts AND t.device_id = c.device_id
                                     AND t.quantity = c.quantity
                                   ORDER BY t.ts DESC LIMIT 1) p ON true)
            SELECT c.*,
                   CASE WHEN a.meter_rollover_wh IS NOT NULL AND c.previous_value >= 0.9 * a.meter_rollover_wh
                             AND c.value <= 0.1 * a.meter_rollover_wh THEN 'ROLLOVER'
                        WHEN c.value < 0.01 * c.previous_value THEN 'METER_REPLACED'
                        ELSE 'DECREASE' END
            FROM compared c
            LEFT JOIN asset a ON a.site_id = c.site_id AND a.device_id = c.device_id
            WHERE c.previous_value > c.value
            """.formatted(CUMULATIVE);

    /** Rollovers and replacements are facts about the meter: recorded, and the reading stored. */
    private static final String RECORD_REGISTER_EVENTS = """
            INSERT INTO register_event (site_id, device_id, quantity, ts, previous_ts, previous_value, value, kind, detected_at)
            SELECT site_id, device_id, quantity, ts, previous_ts, previous_value, value, kind, received_at
            FROM register_check WHERE kind <> 'DECREASE'
            ON CONFLICT DO NOTHING
            """;

    /** A register that went backwards for no reason the meter explains is refused: taken out of the batch. */
    private static final String REFUSE_DECREASES = """
            DELETE FROM staged_reading s USING register_check r
            WHERE r.kind = 'DECREASE' AND s.site_id = r.site_id AND s.device_id = r.device_id
              AND s.quantity = r.quantity AND s.ts = r.ts AND s.value = r.value
            RETURNING s.site_id, s.device_id, s.quantity, s.ts, s.value, s.message_id, s.received_at,
                      r.previous_ts, r.previous_value
            """;

    private static final String INSERT_REJECTION = """
            INSERT INTO telemetry_rejection (received_at, topic, site_id, message_id, reason, detail, reading_index,
                                             payload, payload_size)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;

    /** A commit blocked longer than this (a lock, a stalled disk) fails, so health and alerts show it. */
    public static final Duration DEFAULT_COMMIT_TIMEOUT = Duration.ofSeconds(10);

    private final DataSource dataSource;
    private final String batchSettings;

    public JdbcReadingStore(DataSource dataSource) {
        this(dataSource, DEFAULT_COMMIT_TIMEOUT);
    }

    public JdbcReadingStore(DataSource dataSource, Duration commitTimeout) {
        this.dataSource = dataSource;
        // JIT off for the batch: its statements are short, but on a table whose statistics lag its growth (a new
        // database, a city's first hours) their estimated cost passes jit_above_cost and PostgreSQL spent ~90 ms
        // compiling each one, every batch: with the city's 10,526 sites that cut the write path to a fifth.
        this.batchSettings = "SET LOCAL statement_timeout = " + Math.max(1, commitTimeout.toMillis()) + "; SET LOCAL jit = off";
    }

    @Override
    public StoreOutcome store(List<StampedReading> readings, List<RejectionRecord> rejections) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                try (Statement s = connection.createStatement()) {
                    s.execute(batchSettings);
                }
                int inserted = 0;
                int conflicts = 0;
                int registerEvents = 0;
                List<RejectionRecord> refused = new ArrayList<>(rejections);
                if (!readings.isEmpty()) {
                    stage(connection, readings);
                    try (Statement s = connection.createStatement()) {
                        s.executeUpdate(CLASSIFY_REGISTERS);
                        registerEvents = s.executeUpdate(RECORD_REGISTER_EVENTS);
                        refused.addAll(refuseDecreases(s, readings));
                        inserted = s.executeUpdate(MOVE);
                        if (inserted < readings.size() - (refused.size() - rejections.size())) {
                            s.executeUpdate(RECORD_CONFLICTS);
                            try (var rs = s.executeQuery(COUNT_NEW_CONFLICTS)) {
                                rs.next();
                                conflicts = rs.getInt(1);
                            }
                        }
                        s.execute(EMPTY_STAGING);
                    }
                }
                if (!refused.isEmpty()) {
                    insertRejections(connection, refused);
                }
                connection.commit();
                int decreases = refused.size() - rejections.size();
                return new StoreOutcome(inserted, readings.size() - decreases - inserted - conflicts, conflicts,
                        registerEvents, decreases, refused.size());
            } catch (SQLException | IOException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException | IOException e) {
            throw new StoreException("storing " + readings.size() + " readings and " + rejections.size()
                    + " rejections failed: " + e.getMessage(), e);
        }
    }

    private static List<RejectionRecord> refuseDecreases(Statement s, List<StampedReading> readings) throws SQLException {
        List<RejectionRecord> refused = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(REFUSE_DECREASES)) {
            Map<String, Origin> origins = new HashMap<>();
            while (rs.next()) {
                if (origins.isEmpty()) {
                    readings.forEach(r -> origins.putIfAbsent(r.messageId(), r.origin()));
                }
                Origin origin = origins.get(rs.getString("message_id"));
                String detail = ("%s of %s went down from %s Wh at %s to %s Wh at %s, and neither a rollover nor a meter "
                        + "replacement explains it; fix the meter's reading or its scale (coefficient, unit) and resend")
                        .formatted(rs.getString("quantity"), rs.getString("device_id"), rs.getDouble("previous_value"),
                                rs.getTimestamp("previous_ts").toInstant(), rs.getDouble("value"),
                                rs.getTimestamp("ts").toInstant());
                refused.add(new RejectionRecord(rs.getTimestamp("received_at").toInstant(), origin.topic(),
                        rs.getString("site_id"), rs.getString("message_id"),
                        Rejection.ofReading(-1, RejectionReason.REGISTER_DECREASED, detail), origin.payload(),
                        origin.payloadSize()));
            }
        }
        return refused;
    }

    private static void stage(Connection connection, List<StampedReading> readings) throws SQLException, IOException {
        try (Statement s = connection.createStatement()) {
            s.execute(STAGING + ";\n" + REGISTER_CHECK); // one round trip; no-ops after the session's first batch
        }
        StringBuilder rows = new StringBuilder(readings.size() * 120);
        for (StampedReading stamped : readings) {
            Reading r = stamped.reading();
            // Ids are [A-Za-z0-9_-] and message ids are checked printable, so only tab, newline and
            // backslash in a message id could disturb COPY's text format: escape them.
            rows.append(r.site().value()).append('\t')
                    .append(r.device().value()).append('\t')
                    .append(r.quantity().wireName()).append('\t')
                    .append(r.timestamp()).append('\t')
                    .append(r.value()).append('\t');
            escape(rows, stamped.messageId());
            rows.append('\t').append(stamped.receivedAt()).append('\n');
        }
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        copy.copyIn(COPY, new java.io.ByteArrayInputStream(rows.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static void escape(StringBuilder out, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
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
