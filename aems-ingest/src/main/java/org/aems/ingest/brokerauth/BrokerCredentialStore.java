package org.aems.ingest.brokerauth;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.aems.core.brokerauth.BrokerIdentity;
import org.aems.core.brokerauth.PasswordHash;
import org.aems.core.brokerauth.ServiceRole;
import org.aems.core.grid.SiteId;
import org.aems.ingest.store.StoreException;

/** Broker accounts in PostgreSQL (table {@code broker_credential}, V30). Writes take the caller's connection. */
public final class BrokerCredentialStore {

    private static final String COLUMNS = "username, site_id, service, password_hash, created_at, created_by, rotated_at, "
            + "rotated_by, revoked_at, revoked_by";
    private final DataSource dataSource;

    public BrokerCredentialStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<BrokerCredential> find(String username) {
        List<BrokerCredential> found = query("SELECT " + COLUMNS + " FROM broker_credential WHERE username = ?", username);
        return found.stream().findFirst();
    }

    /** Every account, revoked ones included, by username. */
    public List<BrokerCredential> all() {
        return query("SELECT " + COLUMNS + " FROM broker_credential ORDER BY username");
    }

    /** The accounts a broker must accept now, by username. */
    public List<BrokerCredential> active() {
        return query("SELECT " + COLUMNS + " FROM broker_credential WHERE revoked_at IS NULL ORDER BY username");
    }

    /** The row locked for update within {@code c}'s transaction, so concurrent issues of one account serialise. */
    Optional<BrokerCredential> lock(Connection c, String username) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT " + COLUMNS + " FROM broker_credential WHERE username = ? FOR UPDATE")) {
            q.setString(1, username);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    /** Writes {@code credential} (insert, or replace the account's row). */
    void save(Connection c, BrokerCredential credential) throws SQLException {
        try (PreparedStatement upsert = c.prepareStatement("INSERT INTO broker_credential (" + COLUMNS + ") "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (username) DO UPDATE SET password_hash = EXCLUDED.password_hash, "
                + "created_at = EXCLUDED.created_at, created_by = EXCLUDED.created_by, rotated_at = EXCLUDED.rotated_at, "
                + "rotated_by = EXCLUDED.rotated_by, revoked_at = EXCLUDED.revoked_at, revoked_by = EXCLUDED.revoked_by")) {
            BrokerIdentity id = credential.identity();
            upsert.setString(1, id.username());
            upsert.setString(2, id instanceof BrokerIdentity.Gateway g ? g.site().value() : null);
            upsert.setString(3, id instanceof BrokerIdentity.Service s ? s.role().name() : null);
            upsert.setString(4, credential.passwordHash().format());
            upsert.setTimestamp(5, Timestamp.from(credential.createdAt()));
            upsert.setString(6, credential.createdBy());
            upsert.setTimestamp(7, timestamp(credential.rotatedAt()));
            upsert.setString(8, credential.rotatedBy());
            upsert.setTimestamp(9, timestamp(credential.revokedAt()));
            upsert.setString(10, credential.revokedBy());
            upsert.executeUpdate();
        }
    }

    private List<BrokerCredential> query(String sql, String... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                q.setString(i + 1, params[i]);
            }
            List<BrokerCredential> out = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("reading broker credentials failed: " + e.getMessage(), e);
        }
    }

    private static BrokerCredential read(ResultSet rs) throws SQLException {
        String site = rs.getString("site_id");
        BrokerIdentity identity = site != null ? new BrokerIdentity.Gateway(SiteId.of(site))
                : new BrokerIdentity.Service(ServiceRole.valueOf(rs.getString("service")));
        return new BrokerCredential(identity, PasswordHash.parse(rs.getString("password_hash")), instant(rs, "created_at"),
                rs.getString("created_by"), instant(rs, "rotated_at"), rs.getString("rotated_by"), instant(rs, "revoked_at"),
                rs.getString("revoked_by"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp timestamp(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }
}
