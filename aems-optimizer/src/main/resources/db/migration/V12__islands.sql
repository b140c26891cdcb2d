-- Feeders declared islanded (blackout, 地域マイクログリッド) and the optimizer's last report on each (issue #5).
-- One open row per feeder (ended_at NULL); ended islands are kept as history.
CREATE TABLE island (
    id           bigserial   PRIMARY KEY,
    feeder_id    text        NOT NULL,
    declared_at  timestamptz NOT NULL,
    declared_by  text        NOT NULL,
    reason       text        NOT NULL,
    ended_at     timestamptz,
    ended_by     text,
    -- The newest plan for the island: hours of autonomy, what is served per slot (JSON, see IslandReport).
    report       jsonb,
    reported_at  timestamptz,
    CHECK (ended_at IS NULL OR ended_at >= declared_at)
);
CREATE UNIQUE INDEX island_open_idx ON island (feeder_id) WHERE ended_at IS NULL;
