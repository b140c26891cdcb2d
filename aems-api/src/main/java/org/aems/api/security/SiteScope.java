package org.aems.api.security;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may read one site's data (DOMAIN.md, privacy): its owning organisation, by default the platform operator,
 * and any organisation the owner's customer consented to, while the consent stands. The transmission operator
 * may not hand its network customers' data to a retailer, and the city reading the retailer's per-site data is
 * third-party provision: both need a recorded consent here.
 */
@Component
public class SiteScope {

    public record Consent(long id, String siteId, String organisation, String purpose, String evidence, Instant recordedAt,
                          String recordedBy, Instant revokedAt, String revokedBy) {
    }

    public record Owner(String siteId, String organisation, boolean byDefault) {
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final OrganisationStore organisations;

    public SiteScope(JdbcClient jdbc, AuditLog audit, OrganisationStore organisations) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.organisations = organisations;
    }

    public boolean mayRead(Principal principal, String siteId) {
        Map<String, Object> params = scopeParams(principal);
        params.put("site", siteId);
        return jdbc.sql(MAY_READ).params(params).query(Boolean.class).single();
    }

    /** The ids of the registered sites in the caller's scope, optionally of one feeder, ordered, a page at a time. */
    public List<String> visibleSites(Principal principal, String feeder, long offset, int limit) {
        return jdbc.sql("SELECT s.id " + VISIBLE + " ORDER BY s.id LIMIT :limit OFFSET :offset")
                .params(visibility(principal, feeder)).param("limit", limit).param("offset", offset)
                .query(String.class).list();
    }

    public long countVisibleSites(Principal principal, String feeder) {
        return jdbc.sql("SELECT count(*) " + VISIBLE).params(visibility(principal, feeder)).query(Long.class).single();
    }

    /** The one scope rule, for a site named by {@code %s}: its owner (the platform operator unless set) or a standing consent. */
    private static final String IN_SCOPE = """
            (coalesce((SELECT organisation_id FROM site_data_owner WHERE site_id = %s), :operator) = :org
             OR EXISTS (SELECT 1 FROM site_data_consent WHERE site_id = %s AND organisation_id = :org AND revoked_at IS NULL))""";

    private static final String MAY_READ = "SELECT " + IN_SCOPE.formatted(":site", ":site");

    private static final String VISIBLE = "FROM site s WHERE (CAST(:feeder AS text) IS NULL OR s.feeder_id = :feeder) AND "
            + IN_SCOPE.formatted("s.id", "s.id");

    private static Map<String, Object> visibility(Principal principal, String feeder) {
        Map<String, Object> params = scopeParams(principal);
        params.put("feeder", feeder);
        return params;
    }

    private static Map<String, Object> scopeParams(Principal principal) {
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("operator", FirstStartSecrets.ORGANISATION);
        params.put("org", principal.organisation());
        return params;
    }

    /**
     * Refuses (403 SITE_OUT_OF_SCOPE) unless the caller may read this site's data. Records that span the region
     * (every site's commands) are the platform operator's; another organisation names the site it may see.
     */
    public void require(Principal principal, String siteId) {
        if (siteId == null ? !FirstStartSecrets.ORGANISATION.equals(principal.organisation()) : !mayRead(principal, siteId)) {
            throw outOfScope(principal, siteId);
        }
    }

    static SecurityRequestException outOfScope(Principal principal, String siteId) {
        if (siteId == null) {
            return new SecurityRequestException(403, "SITE_OUT_OF_SCOPE", "organisation '" + principal.organisation()
                    + "' sees only the sites in its scope: name one (parameter 'site')");
        }
        return new SecurityRequestException(403, "SITE_OUT_OF_SCOPE", "site '" + siteId + "' is not in the scope of organisation '"
                + principal.organisation() + "': its data is its owner's, and another organisation reads it only under a recorded"
                + " consent (an ADMIN records it)");
    }

    public Owner owner(String siteId) {
        return jdbc.sql("SELECT organisation_id FROM site_data_owner WHERE site_id = ?").param(siteId).query(String.class).optional()
                .map(org -> new Owner(siteId, org, false))
                .orElse(new Owner(siteId, FirstStartSecrets.ORGANISATION, true));
    }

    @Transactional
    public Owner setOwner(String siteId, String organisation, String by) {
        organisations.requireExists(organisation);
        jdbc.sql("""
                INSERT INTO site_data_owner (site_id, organisation_id, set_by) VALUES (?, ?, ?)
                ON CONFLICT (site_id) DO UPDATE SET organisation_id = excluded.organisation_id, set_at = now(), set_by = excluded.set_by""")
                .params(siteId, organisation, by).update();
        audit.record(by, "SITE_OWNER_SET", "site:" + siteId, Map.of("organisation", organisation));
        return owner(siteId);
    }

    @Transactional
    public Consent recordConsent(String siteId, String organisation, String purpose, String evidence, String by) {
        organisations.requireExists(organisation);
        if (purpose == null || purpose.isBlank() || evidence == null || evidence.isBlank()) {
            throw new SecurityRequestException(400, "CONSENT_INCOMPLETE",
                    "a consent needs 'purpose' (what the data is used for) and 'evidence' (e.g. the signed form's number)");
        }
        long id = jdbc.sql("""
                INSERT INTO site_data_consent (site_id, organisation_id, purpose, evidence, recorded_by) VALUES (?, ?, ?, ?, ?)
                RETURNING id""").params(siteId, organisation, purpose, evidence, by).query(Long.class).single();
        audit.record(by, "SITE_CONSENT_RECORDED", "site:" + siteId,
                Map.of("consent", id, "organisation", organisation, "purpose", purpose, "evidence", evidence));
        return consent(id);
    }

    @Transactional
    public Consent revokeConsent(String siteId, long id, String by) {
        int n = jdbc.sql("UPDATE site_data_consent SET revoked_at = now(), revoked_by = ? WHERE id = ? AND site_id = ? AND revoked_at IS NULL")
                .params(by, id, siteId).update();
        if (n == 0) {
            throw new SecurityRequestException(404, "CONSENT_NOT_FOUND", "no standing consent " + id + " for site '" + siteId + "'");
        }
        audit.record(by, "SITE_CONSENT_REVOKED", "site:" + siteId, Map.of("consent", id));
        return consent(id);
    }

    public List<Consent> consents(String siteId) {
        return jdbc.sql(SELECT + " WHERE site_id = ? ORDER BY id").param(siteId).query(SiteScope::consent).list();
    }

    private Consent consent(long id) {
        return jdbc.sql(SELECT + " WHERE id = ?").param(id).query(SiteScope::consent).single();
    }

    private static Consent consent(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        java.sql.Timestamp revoked = rs.getTimestamp("revoked_at");
        return new Consent(rs.getLong("id"), rs.getString("site_id"), rs.getString("organisation"), rs.getString("purpose"),
                rs.getString("evidence"), rs.getTimestamp("recorded_at").toInstant(), rs.getString("recorded_by"),
                revoked == null ? null : revoked.toInstant(), rs.getString("revoked_by"));
    }

    private static final String SELECT = """
            SELECT id, site_id, organisation_id AS organisation, purpose, evidence, recorded_at, recorded_by, revoked_at, revoked_by
            FROM site_data_consent""";
}
