package org.aems.api.security;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The append-only record of who changed what (registry, contracts, series, credentials, finalisations, dispatch)
 * and who read which site's data. The table refuses UPDATE, DELETE and TRUNCATE (V31), so not even a bug here
 * can rewrite history. Writes join the caller's transaction: a change that rolls back leaves no audit entry.
 */
@Component
public class AuditLog {

    public record Event(long id, Instant at, String actor, String organisation, String action, String target, String detail) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public AuditLog(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void record(String actor, String action, String target, Map<String, ?> detail) {
        jdbc.sql("INSERT INTO audit_event (actor, organisation, action, target, detail) VALUES (?, ?, ?, ?, ?::jsonb)")
                .params(actor, organisationOf(actor), action, target, json.writeValueAsString(detail)).update();
    }

    /** Events after {@code afterId} (a cursor), oldest first, optionally of one action or target. */
    public List<Event> after(long afterId, String action, String target, int limit) {
        return jdbc.sql("""
                SELECT id, at, actor, organisation, action, target, detail::text FROM audit_event
                WHERE id > ? AND (?::text IS NULL OR action = ?) AND (?::text IS NULL OR target = ?)
                ORDER BY id LIMIT ?""")
                .params(afterId, action, action, target, target, limit)
                .query((rs, i) -> new Event(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7)))
                .list();
    }

    private static String organisationOf(String actor) {
        return Principals.current().filter(p -> p.name().equals(actor)).map(Principal::organisation).orElse(null);
    }
}
