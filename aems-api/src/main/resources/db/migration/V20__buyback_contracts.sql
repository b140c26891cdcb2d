-- Surplus buy-back contracts (余剰電力買取) with their full history (issue #6, ADR 0011). A change of
-- price, tariff or end date is a new version row; rows are never updated or deleted (trigger below), so
-- a statement's (contract_id, contract_version) always resolves to what it was settled with.
-- Dates are JST calendar days; valid_until is exclusive and NULL means open-ended. Lives with the
-- settlement feature in aems-api; Flyway's classpath:db/migration picks it up next to ingest's.
CREATE TABLE buyback_contract (
    id                text        NOT NULL,
    version           integer     NOT NULL CHECK (version >= 1),
    site_id           text        NOT NULL, -- no foreign key: contracts outlive a registry re-import
    valid_from        date        NOT NULL,
    valid_until       date,
    -- {"kind":"FIXED","price":"8.5"} | {"kind":"TIME_OF_USE","bands":[{"dayType":"WEEKDAY","firstSlot":1,
    -- "lastSlot":19,"price":"7"},...]} | {"kind":"MARKET_LINKED","series":"jepx.spot.tokyo","factor":"0.9",
    -- "adder":"1.5","floor":"3"}; prices in yen/kWh as decimal strings, exact.
    tariff            jsonb       NOT NULL,
    tax_treatment     text        NOT NULL CHECK (tax_treatment IN ('TAX_INCLUSIVE', 'TAX_EXCLUSIVE')),
    -- 計量日: the day of month the site's meter is read; NULL = billed per JST calendar month.
    meter_reading_day smallint CHECK (meter_reading_day BETWEEN 1 AND 28),
    recorded_at       timestamptz NOT NULL,
    recorded_by       text        NOT NULL,
    PRIMARY KEY (id, version),
    CHECK (valid_until IS NULL OR valid_until > valid_from)
);
CREATE INDEX buyback_contract_site_idx ON buyback_contract (site_id);

CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% rows are append-only: record a new version instead of % (ADR 0011)', TG_TABLE_NAME, TG_OP;
END
$$;
CREATE TRIGGER buyback_contract_append_only BEFORE UPDATE OR DELETE ON buyback_contract
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
