-- The last scale (ECHONET Lite 0xE1 unit, 0xD3 coefficient, 0xD7 effective digits) each smart meter
-- reported: frames with registers but without scale properties are converted with it.
CREATE TABLE meter_scale (
    site_id          text        NOT NULL,
    device_id        text        NOT NULL,
    unit_code        smallint    NOT NULL,
    coefficient      bigint      NOT NULL CHECK (coefficient BETWEEN 1 AND 999999),
    effective_digits smallint    NOT NULL CHECK (effective_digits BETWEEN 1 AND 8),
    updated_at       timestamptz NOT NULL,
    PRIMARY KEY (site_id, device_id)
);
