-- Raw telemetry as gateways sent it, in canonical units (W, Wh, %, 0/1). Kept ~13 months
-- (TimescaleDB retention policy, or TelemetryRetention on plain PostgreSQL); settlement reads the
-- interval table, which is kept >= 7 years and never under a retention policy.
CREATE TABLE telemetry_reading (
    site_id     text             NOT NULL,
    device_id   text             NOT NULL,
    quantity    text             NOT NULL,
    ts          timestamptz      NOT NULL,
    value       double precision NOT NULL,
    message_id  text             NOT NULL,
    received_at timestamptz      NOT NULL,
    -- The natural key (site, device, quantity, ts): a redelivered or re-sent reading is stored once
    -- (ON CONFLICT DO NOTHING). Ordered site, ts first so that the one index also serves "a site's
    -- readings in a time range"; a second index would cost ~20 % of the write rate.
    PRIMARY KEY (site_id, ts, device_id, quantity)
);

-- Every refused message and rejected reading, with what the gateway owner needs to fix it.
CREATE TABLE telemetry_rejection (
    id            bigserial PRIMARY KEY,
    received_at   timestamptz NOT NULL,
    topic         text        NOT NULL,
    site_id       text,
    message_id    text,
    reason        text        NOT NULL,
    detail        text        NOT NULL,
    reading_index integer,
    -- The raw payload, capped (see aems.ingest.rejections.payload-cap); payload_size is the full size.
    payload       bytea       NOT NULL,
    payload_size  integer     NOT NULL
);
CREATE INDEX telemetry_rejection_site_idx ON telemetry_rejection (site_id, received_at);
CREATE INDEX telemetry_rejection_received_idx ON telemetry_rejection (received_at);
