-- Whose per-site data is it (issue #7, DOMAIN.md "Privacy"): each site's data has an owning organisation (by default
-- the platform operator), and another organisation reads it only under a recorded consent. No foreign key to
-- site: ownership and consents must survive a registry re-import that drops and re-creates a site.
CREATE TABLE site_data_owner (
    site_id         text        PRIMARY KEY,
    organisation_id text        NOT NULL REFERENCES organisation (id),
    set_at          timestamptz NOT NULL DEFAULT now(),
    set_by          text        NOT NULL
);

CREATE TABLE site_data_consent (
    id              bigserial   PRIMARY KEY,
    site_id         text        NOT NULL,
    organisation_id text        NOT NULL REFERENCES organisation (id),
    purpose         text        NOT NULL CHECK (length(purpose) BETWEEN 1 AND 500),
    evidence        text        NOT NULL CHECK (length(evidence) BETWEEN 1 AND 500), -- e.g. the signed form's number
    recorded_at     timestamptz NOT NULL DEFAULT now(),
    recorded_by     text        NOT NULL,
    revoked_at      timestamptz,
    revoked_by      text
);
CREATE INDEX site_data_consent_active ON site_data_consent (site_id, organisation_id) WHERE revoked_at IS NULL;
