-- Broker accounts (#7, ADR 0017): each site's gateway and the platform's services (ingest, dispatcher, simulator).
-- Only the password's hash is kept, in mosquitto_passwd's $7$ form (PBKDF2-SHA512), so it renders into Mosquitto's
-- password file and dynamic-security JSON as it is and the embedded broker verifies it in Java. The plain password
-- is shown once, at issue or rotation, and never stored.
CREATE TABLE broker_credential (
    username      text PRIMARY KEY,
    -- The gateway's site (its username is the site id), or NULL for a service. No foreign key to site on purpose: a
    -- region re-import that drops a site must not silently delete a credential the broker still accepts; revoke it.
    site_id       text,
    service       text CHECK (service IN ('INGEST', 'DISPATCHER', 'SIMULATOR')),
    password_hash text        NOT NULL CHECK (password_hash LIKE '$7$%'),
    -- First issued (again, after a revocation: the account starts over).
    created_at    timestamptz NOT NULL,
    created_by    text        NOT NULL,
    rotated_at    timestamptz,
    rotated_by    text,
    revoked_at    timestamptz,
    revoked_by    text,
    CHECK ((site_id IS NULL) <> (service IS NULL)),
    CHECK (site_id IS NULL OR site_id = username)
);
