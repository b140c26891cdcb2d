-- Local supply to facilities (issue #6, ADR 0013): supply contracts with their full history and the
-- supply bills (適格請求書) a monthly settlement run makes next to its purchase statements.
-- Monthly maximum demand is not stored: it is derived from site_interval.import_wh when a run needs it.
-- The fuel-cost adjustment is a versioned series (V21, one value per JST month); the renewable surcharge
-- per fiscal year is configuration (aems.settlement.supply.renewable-surcharge), recorded per run.

-- Append-only like buyback_contract (V20): a change is a new version row. Validity is whole JST months.
CREATE TABLE supply_contract (
    id               text        NOT NULL,
    version          integer     NOT NULL CHECK (version >= 1),
    site_id          text        NOT NULL, -- no foreign key: contracts outlive a registry re-import
    valid_from       date        NOT NULL CHECK (extract(day FROM valid_from) = 1),
    valid_until      date CHECK (valid_until IS NULL OR extract(day FROM valid_until) = 1), -- exclusive, NULL = open
    voltage          text        NOT NULL CHECK (voltage IN ('LOW_VOLTAGE', 'HIGH_VOLTAGE')),
    -- 契約電力 of a low-voltage contract; NULL for high voltage (basic charge on the ratcheted demand).
    contracted_kw    numeric CHECK (contracted_kw > 0),
    basic_charge     numeric     NOT NULL CHECK (basic_charge >= 0), -- yen/kW/month
    -- The energy charge tariff, same JSON as buyback_contract.tariff; FIXED or TIME_OF_USE only.
    energy_tariff    jsonb       NOT NULL,
    power_factor     smallint    NOT NULL CHECK (power_factor BETWEEN 0 AND 100), -- %, clamped to 50..100 when billed
    fuel_cost_series text        NOT NULL, -- series_version.series_id of the fuel-cost adjustment (yen/kWh per month)
    tax_treatment    text        NOT NULL CHECK (tax_treatment IN ('TAX_INCLUSIVE', 'TAX_EXCLUSIVE')),
    recorded_at      timestamptz NOT NULL,
    recorded_by      text        NOT NULL,
    PRIMARY KEY (id, version),
    CHECK (valid_until IS NULL OR valid_until > valid_from),
    CHECK ((voltage = 'LOW_VOLTAGE') = (contracted_kw IS NOT NULL))
);
CREATE INDEX supply_contract_site_idx ON supply_contract (site_id);
CREATE TRIGGER supply_contract_append_only BEFORE UPDATE OR DELETE ON supply_contract
    FOR EACH ROW EXECUTE FUNCTION refuse_change();

-- A run counts its supply bills like its statements; finalising one with incomplete bills needs the same
-- acceptIncomplete decision.
ALTER TABLE settlement_run
    ADD COLUMN supply_bills            integer NOT NULL DEFAULT 0,
    ADD COLUMN incomplete_supply_bills integer NOT NULL DEFAULT 0;

-- The run guard covers these columns from V24 on (it compares every column but the finalisation's).

-- One bill per facility and JST calendar month of a run. Lines are few (5) and kept as JSON:
-- [{"kind":"BASIC_CHARGE","quantity":"80","unit":"kW","unitPrice":"1800","amount":"144000"}, ...],
-- decimals as strings, amounts at full precision. Kept >= 7 years like the statements.
CREATE TABLE supply_bill (
    run_id                 bigint      NOT NULL REFERENCES settlement_run (id),
    site_id                text        NOT NULL,
    month                  date        NOT NULL CHECK (extract(day FROM month) = 1), -- the JST month, as its 1st
    contract_id            text        NOT NULL,
    contract_version       integer     NOT NULL,
    voltage                text        NOT NULL,
    tax_treatment          text        NOT NULL,
    energy_wh              bigint      NOT NULL CHECK (energy_wh >= 0), -- import on the slots with values
    charged_kw             numeric     NOT NULL, -- kW of the basic charge (contracted or billing demand)
    month_peak_kw          numeric     NOT NULL, -- this month's highest 30-minute demand, whole kW
    demand_kw              numeric     NOT NULL, -- with the 11-month ratchet
    demand_set_in          date        NOT NULL, -- the month whose peak set demand_kw
    fuel_cost_adjustment   numeric     NOT NULL, -- yen/kWh used
    fuel_cost_series       text        NOT NULL,
    fuel_cost_version      integer     NOT NULL,
    renewable_surcharge    numeric     NOT NULL, -- yen/kWh used, the fiscal year's rate
    lines                  jsonb       NOT NULL,
    amount                 numeric     NOT NULL, -- Σ lines at full precision
    amount_truncated       numeric(15) NOT NULL, -- truncated once (円未満切り捨て)
    tax                    numeric(15) NOT NULL, -- 10 %, once, truncated
    amount_excluding_tax   numeric(15) NOT NULL,
    total                  numeric(15) NOT NULL, -- what the facility pays
    measured_slots         integer     NOT NULL,
    estimated_slots        integer     NOT NULL,
    missing_slots          integer     NOT NULL,
    max_interval_revision  integer,
    line_digest            char(16)    NOT NULL,
    -- Qualified invoice (適格請求書): issuer, registration number, date, rate; the tax above is per rate.
    invoice_registration   text        NOT NULL CHECK (invoice_registration ~ '^T[0-9]{13}$'),
    invoice_issuer         text        NOT NULL,
    issued_on              date        NOT NULL,
    tax_rate_percent       smallint    NOT NULL,
    PRIMARY KEY (run_id, site_id, month),
    FOREIGN KEY (contract_id, contract_version) REFERENCES supply_contract (id, version)
);
CREATE INDEX supply_bill_site_idx ON supply_bill (site_id, run_id);

CREATE FUNCTION supply_bill_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'supply bills of settlement run % are immutable', OLD.run_id;
END
$$;
CREATE TRIGGER supply_bill_immutable BEFORE UPDATE OR DELETE ON supply_bill
    FOR EACH ROW EXECUTE FUNCTION supply_bill_guard();

CREATE FUNCTION supply_bill_insert_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    final_run bigint;
BEGIN
    SELECT r.id INTO final_run FROM settlement_run r WHERE r.status = 'FINAL' AND r.id IN (SELECT DISTINCT run_id FROM added) LIMIT 1;
    IF final_run IS NOT NULL THEN
        RAISE EXCEPTION 'supply bills of settlement run % are immutable', final_run;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER supply_bill_insert_only_draft AFTER INSERT ON supply_bill
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION supply_bill_insert_guard();
