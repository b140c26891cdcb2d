-- Alerts raised through the AlertSink seam (org.aems.core.alert); kept with the audit-grade records.
CREATE TABLE alert (
    id          bigserial PRIMARY KEY,
    kind        text        NOT NULL,
    severity    text        NOT NULL CHECK (severity IN ('INFO', 'WARNING', 'CRITICAL')),
    subject     text        NOT NULL,
    message     text        NOT NULL,
    raised_at   timestamptz NOT NULL,
    last_seen   timestamptz NOT NULL,
    occurrences integer     NOT NULL DEFAULT 1,
    resolved_at timestamptz
);
-- At most one open alert per kind and subject.
CREATE UNIQUE INDEX alert_open_idx ON alert (kind, subject) WHERE resolved_at IS NULL;
CREATE INDEX alert_raised_idx ON alert (raised_at);
