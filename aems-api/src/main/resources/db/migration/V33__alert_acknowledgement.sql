-- Issue #8: operators acknowledge alerts on the dashboard (who and when; the audit log has the request too), and each
-- new alert is forwarded once (webhook, e-mail): forwarded_at is set when every channel took it.
ALTER TABLE alert ADD COLUMN acknowledged_at timestamptz;
ALTER TABLE alert ADD COLUMN acknowledged_by text;
ALTER TABLE alert ADD COLUMN forwarded_at timestamptz;
ALTER TABLE alert ADD CONSTRAINT alert_acknowledged_together CHECK ((acknowledged_at IS NULL) = (acknowledged_by IS NULL));
-- Alerts raised before this version are not forwarded after an upgrade: they were seen in the log already.
UPDATE alert SET forwarded_at = raised_at;
CREATE INDEX alert_unforwarded_idx ON alert (id) WHERE forwarded_at IS NULL;
