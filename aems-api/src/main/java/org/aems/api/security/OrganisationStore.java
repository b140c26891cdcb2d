package org.aems.api.security;

import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The parties users and clients act for: the city, the regional retailer, the transmission operator. */
@Component
public class OrganisationStore {

    public record Organisation(String id, String name) {
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;

    public OrganisationStore(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Transactional
    public Organisation create(String id, String name, String by) {
        if (id == null || !id.matches("[a-z0-9][a-z0-9-]{0,62}")) {
            throw new SecurityRequestException(400, "INVALID_ORGANISATION_ID",
                    "an organisation id is 1-63 lower-case letters, digits or '-', e.g. 'odawara-city'; was '" + id + "'");
        }
        if (name == null || name.isBlank()) {
            throw new SecurityRequestException(400, "INVALID_ORGANISATION_NAME", "an organisation needs a name");
        }
        try {
            jdbc.sql("INSERT INTO organisation (id, name) VALUES (?, ?)").params(id, name).update();
        } catch (DuplicateKeyException e) {
            throw new SecurityRequestException(409, "ORGANISATION_EXISTS", "organisation '" + id + "' exists");
        }
        audit.record(by, "ORGANISATION_CREATED", "organisation:" + id, Map.of("name", name));
        return new Organisation(id, name);
    }

    /** Creates it unless it exists; safe when two instances start at once. */
    public void ensure(String id, String name, String by) {
        if (jdbc.sql("INSERT INTO organisation (id, name) VALUES (?, ?) ON CONFLICT (id) DO NOTHING").params(id, name).update() > 0) {
            audit.record(by, "ORGANISATION_CREATED", "organisation:" + id, Map.of("name", name));
        }
    }

    public void requireExists(String id) {
        boolean exists = jdbc.sql("SELECT count(*) FROM organisation WHERE id = ?").param(id).query(Long.class).single() > 0;
        if (!exists) {
            throw new SecurityRequestException(422, "UNKNOWN_ORGANISATION",
                    "no organisation '" + id + "'; create it first with POST /api/v1/admin/organisations");
        }
    }

    public List<Organisation> list() {
        return jdbc.sql("SELECT id, name FROM organisation ORDER BY id").query(Organisation.class).list();
    }
}
