-- Who may use the API (issue #7): organisations, people who sign in, machine clients with API keys, and an
-- append-only audit log. Secrets are stored only as hashes: passwords with a slow encoder (bcrypt, via Spring
-- Security's DelegatingPasswordEncoder, prefix {bcrypt}), API key secrets as SHA-256 (they are 256 random bits;
-- a slow hash adds nothing there and would cost ~100 ms a request, ADR 0018).
CREATE TABLE organisation (
    id         text        PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    name       text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE app_user (
    username        text        PRIMARY KEY CHECK (username ~ '^[A-Za-z0-9][A-Za-z0-9._@-]{0,127}$'),
    organisation_id text        NOT NULL REFERENCES organisation (id),
    password_hash   text        NOT NULL,
    roles           text[]      NOT NULL CHECK (roles <@ ARRAY['OPERATOR','BILLING','ADMIN','DISPATCHER']),
    enabled         boolean     NOT NULL DEFAULT true,
    created_at      timestamptz NOT NULL DEFAULT now(),
    created_by      text        NOT NULL
);

CREATE TABLE api_client (
    key_id          text        PRIMARY KEY,             -- the public half of the key, "aems_<key_id>_<secret>"
    name            text        NOT NULL UNIQUE CHECK (name ~ '^[A-Za-z0-9][A-Za-z0-9._@-]{0,127}$'),
    organisation_id text        NOT NULL REFERENCES organisation (id),
    secret_sha256   bytea       NOT NULL,
    roles           text[]      NOT NULL CHECK (roles <@ ARRAY['OPERATOR','BILLING','ADMIN','DISPATCHER']),
    created_at      timestamptz NOT NULL DEFAULT now(),
    created_by      text        NOT NULL,
    revoked_at      timestamptz,
    revoked_by      text
);

-- Append-only: no role of the application may change or delete what happened.
CREATE TABLE audit_event (
    id           bigserial   PRIMARY KEY,
    at           timestamptz NOT NULL DEFAULT now(),
    actor        text        NOT NULL,
    organisation text,
    action       text        NOT NULL,
    target       text        NOT NULL,
    detail       jsonb       NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX audit_event_at ON audit_event (at);
CREATE INDEX audit_event_target ON audit_event (target, at);

CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_event_no_update BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();
