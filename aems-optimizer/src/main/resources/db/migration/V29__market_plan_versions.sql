-- The market plan (demand and generation sub-plans, JEPX procurement proposal) as proposed, every version kept
-- (issue #5): the scheduler stores tomorrow's at 09:30 JST, operators may store a re-proposal. Append-only.
CREATE TABLE market_plan_version (
    id          bigserial   PRIMARY KEY,
    plan_date   date        NOT NULL,
    version     integer     NOT NULL CHECK (version >= 1),
    issued_at   timestamptz NOT NULL, -- the history it was forecast from ends here (09:30 JST the day before, or earlier)
    created_at  timestamptz NOT NULL,
    created_by  text        NOT NULL,
    scope       text        NOT NULL,
    UNIQUE (plan_date, version)
);

CREATE TABLE market_plan_slot (
    plan_id         bigint      NOT NULL REFERENCES market_plan_version (id),
    slot_start      timestamptz NOT NULL,
    demand_wh       bigint      NOT NULL,
    generation_wh   bigint      NOT NULL,
    procurement_wh  bigint      NOT NULL,
    expected_price  numeric     NOT NULL, -- yen/kWh
    expected_cost   numeric     NOT NULL, -- yen, full precision
    PRIMARY KEY (plan_id, slot_start)
);

CREATE FUNCTION market_plan_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% rows are append-only: store a new market plan version instead of %', TG_TABLE_NAME, TG_OP;
END
$$;
CREATE TRIGGER market_plan_version_append_only BEFORE UPDATE OR DELETE ON market_plan_version
    FOR EACH ROW EXECUTE FUNCTION market_plan_append_only();
CREATE TRIGGER market_plan_slot_append_only BEFORE UPDATE OR DELETE ON market_plan_slot
    FOR EACH ROW EXECUTE FUNCTION market_plan_append_only();
