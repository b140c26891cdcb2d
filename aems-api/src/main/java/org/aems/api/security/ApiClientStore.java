package org.aems.api.security;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Machine clients (billing integrations, scrapers) and their API keys; only the key's hash is kept. */
@Component
public class ApiClientStore {

    /** A client as listed: never its secret. */
    public record ApiClient(String keyId, String name, String organisation, Set<Role> roles, Instant createdAt,
                            String createdBy, Instant revokedAt) {
    }

    /** What issuing returns, the only time the whole key exists outside the caller. */
    public record IssuedKey(ApiClient client, String apiKey) {
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final OrganisationStore organisations;

    public ApiClientStore(JdbcClient jdbc, AuditLog audit, OrganisationStore organisations) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.organisations = organisations;
    }

    @Transactional
    public IssuedKey issue(String name, String organisation, Set<Role> roles, String by) {
        Names.requireValid("client name", name);
        if (roles.isEmpty()) {
            throw new SecurityRequestException(400, "NO_ROLES", "an API client needs at least one role; roles are " + Role.names());
        }
        organisations.requireExists(organisation);
        ApiKey key = ApiKey.generate();
        try {
            jdbc.sql("""
                    INSERT INTO api_client (key_id, name, organisation_id, secret_sha256, roles, created_by)
                    VALUES (?, ?, ?, ?, ?::text[], ?)""")
                    .params(key.keyId(), name, organisation, key.secretSha256(), pgArray(roles), by).update();
        } catch (DuplicateKeyException e) {
            throw new SecurityRequestException(409, "CLIENT_EXISTS",
                    "an API client named '" + name + "' exists; revoke it first or choose another name");
        }
        audit.record(by, "API_CLIENT_ISSUED", "api-client:" + name,
                java.util.Map.of("keyId", key.keyId(), "organisation", organisation, "roles", names(roles)));
        return new IssuedKey(find(key.keyId()).orElseThrow(), key.value());
    }

    @Transactional
    public ApiClient revoke(String name, String by) {
        int n = jdbc.sql("UPDATE api_client SET revoked_at = now(), revoked_by = ? WHERE name = ? AND revoked_at IS NULL")
                .params(by, name).update();
        if (n == 0) {
            throw new SecurityRequestException(404, "CLIENT_NOT_FOUND", "no active API client named '" + name + "'");
        }
        audit.record(by, "API_CLIENT_REVOKED", "api-client:" + name, java.util.Map.of());
        return byName(name).orElseThrow();
    }

    /** The principal for a presented key, if the key exists, is not revoked and its secret matches. */
    public Optional<Principal> authenticate(ApiKey key) {
        return jdbc.sql("SELECT name, organisation_id, roles, secret_sha256 FROM api_client WHERE key_id = ? AND revoked_at IS NULL")
                .param(key.keyId())
                .query((rs, i) -> key.matches(rs.getBytes("secret_sha256"))
                        ? new Principal(rs.getString("name"), Principal.Kind.API_CLIENT, rs.getString("organisation_id"), roles(rs))
                        : null)
                .optional();
    }

    public List<ApiClient> list() {
        return jdbc.sql(SELECT + " ORDER BY name").query(ApiClientStore::client).list();
    }

    public Optional<ApiClient> byName(String name) {
        return jdbc.sql(SELECT + " WHERE name = ?").param(name).query(ApiClientStore::client).optional();
    }

    private Optional<ApiClient> find(String keyId) {
        return jdbc.sql(SELECT + " WHERE key_id = ?").param(keyId).query(ApiClientStore::client).optional();
    }

    private static final String SELECT = "SELECT key_id, name, organisation_id, roles, created_at, created_by, revoked_at FROM api_client";

    private static ApiClient client(ResultSet rs, int row) throws SQLException {
        return new ApiClient(rs.getString("key_id"), rs.getString("name"), rs.getString("organisation_id"), roles(rs),
                rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
                rs.getTimestamp("revoked_at") == null ? null : rs.getTimestamp("revoked_at").toInstant());
    }

    static Set<Role> roles(ResultSet rs) throws SQLException {
        Array array = rs.getArray("roles");
        return Role.parse(Arrays.asList((String[]) array.getArray()));
    }

    static String pgArray(Set<Role> roles) {
        return "{" + String.join(",", names(roles)) + "}";
    }

    static List<String> names(Set<Role> roles) {
        return new TreeSet<>(roles.stream().map(Role::name).toList()).stream().toList();
    }
}
