-- Output curtailment orders (出力制御) from the transmission operator (issue #5 "Physics the grid imposes"):
-- from valid_from to valid_until, the PV on a feeder (or the whole region when feeder_id is NULL) may produce
-- at most max_share of its peak power (0 = stop). They are inputs, not our choice: the optimizer plans with
-- the PV they leave and holds the inverters it may command to them. Upserted by order id.
CREATE TABLE curtailment_order (
    order_id     text        PRIMARY KEY,
    issued_by    text        NOT NULL,
    feeder_id    text,
    valid_from   timestamptz NOT NULL,
    valid_until  timestamptz NOT NULL CHECK (valid_until > valid_from),
    max_share    numeric(4, 3) NOT NULL CHECK (max_share >= 0 AND max_share < 1),
    received_at  timestamptz NOT NULL,
    cancelled    boolean     NOT NULL DEFAULT false
);
CREATE INDEX curtailment_order_time_idx ON curtailment_order (valid_until);
