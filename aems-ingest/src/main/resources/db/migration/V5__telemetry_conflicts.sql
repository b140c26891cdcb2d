-- The same reading key (site, device, quantity, ts) arriving with a different value is a conflict:
-- the first value stays in telemetry_reading (flagged), every different value is kept here, once.
ALTER TABLE telemetry_reading ADD COLUMN conflicted boolean NOT NULL DEFAULT false;

CREATE TABLE telemetry_conflict (
    site_id           text             NOT NULL,
    device_id         text             NOT NULL,
    quantity          text             NOT NULL,
    ts                timestamptz      NOT NULL,
    conflicting_value double precision NOT NULL,
    stored_value      double precision NOT NULL,
    message_id        text             NOT NULL,
    received_at       timestamptz      NOT NULL,
    -- A redelivered conflicting message is a duplicate of its conflict, not a new one.
    PRIMARY KEY (site_id, device_id, quantity, ts, conflicting_value)
);
CREATE INDEX telemetry_conflict_received_idx ON telemetry_conflict (received_at);
