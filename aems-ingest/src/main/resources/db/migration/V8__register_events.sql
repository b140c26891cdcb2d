-- A cumulative register that went down: a rollover (wrapped at the meter's rollover value), a meter
-- replacement (restarted near zero), or an unexplained decrease. The reading is kept as received;
-- the event says what it was, and the interval calculation (ADR 0008) does not turn it into
-- negative energy.
CREATE TABLE register_event (
    site_id        text             NOT NULL,
    device_id      text             NOT NULL,
    quantity       text             NOT NULL,
    ts             timestamptz      NOT NULL,
    previous_ts    timestamptz      NOT NULL,
    previous_value double precision NOT NULL,
    value          double precision NOT NULL,
    kind           text             NOT NULL CHECK (kind IN ('ROLLOVER', 'METER_REPLACED', 'DECREASE')),
    detected_at    timestamptz      NOT NULL,
    PRIMARY KEY (site_id, device_id, quantity, ts)
);
