package org.aems.api.settlement;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.LongSupplier;
import javax.sql.DataSource;
import org.aems.core.settlement.SettlementPeriod;
import org.aems.ingest.store.StoreException;
import org.springframework.stereotype.Component;

/**
 * Makes "settle this period" safe to retry: a request carrying an {@code Idempotency-Key} that was seen before
 * (from the same person) answers with the run the first request made instead of computing version n+1.
 * The key is held under an advisory lock while the first request computes, so two concurrent retries make
 * one run. A request that failed (422, 5xx) leaves no key behind: retrying it computes again.
 */
@Component
class IdempotentRuns {

    static final int MAX_KEY_LENGTH = 200;

    /** The run a request led to, and whether it was made by an earlier request with the same key. */
    record Outcome(long runId, boolean replayed) {
    }

    private final DataSource dataSource;

    IdempotentRuns(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    Outcome run(String user, String key, SettlementPeriod period, LongSupplier create) {
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("header 'Idempotency-Key' must be 1 to " + MAX_KEY_LENGTH
                    + " characters (a UUID is typical), was " + key.length());
        }
        String request = period.toString();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
                    lock.setString(1, "settlement_run_request\n" + user + "\n" + key);
                    lock.execute();
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT request, run_id FROM settlement_run_request WHERE requested_by = ? AND idempotency_key = ?")) {
                    ps.setString(1, user);
                    ps.setString(2, key);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            c.rollback();
                            if (!rs.getString(1).equals(request)) {
                                throw new RunStateException(422, "IDEMPOTENCY_KEY_REUSED", "Idempotency-Key '" + key
                                        + "' was used for " + rs.getString(1) + " (run " + rs.getLong(2) + "), not " + request
                                        + "; use a new key for a new request");
                            }
                            return new Outcome(rs.getLong(2), true);
                        }
                    }
                }
                long runId = create.getAsLong();
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO settlement_run_request (requested_by, idempotency_key, request, run_id) VALUES (?, ?, ?, ?)")) {
                    ps.setString(1, user);
                    ps.setString(2, key);
                    ps.setString(3, request);
                    ps.setLong(4, runId);
                    ps.executeUpdate();
                }
                c.commit();
                return new Outcome(runId, false);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("idempotency key '" + key + "' could not be checked: " + e.getMessage(), e);
        }
    }
}
