-- Settlement runs and their purchase statements (issue #6, ADR 0011). Statements are stored; slot lines
-- are not: they are recomputed on request from site_interval and the run's manifest, and checked
-- against line_digest. Kept >= 7 years, never under a retention policy.
CREATE SEQUENCE settlement_feed_seq;

CREATE TABLE settlement_run (
    id                    bigserial PRIMARY KEY,
    kind                  text        NOT NULL CHECK (kind IN ('BUYBACK')),
    period_kind           text        NOT NULL CHECK (period_kind IN ('CALENDAR_MONTH', 'METER_READING')),
    period_from           date        NOT NULL,
    period_until          date        NOT NULL, -- exclusive
    version               integer     NOT NULL CHECK (version >= 1),
    previous_run_id       bigint REFERENCES settlement_run (id),
    status                text        NOT NULL CHECK (status IN ('DRAFT', 'FINAL')),
    created_by            text        NOT NULL,
    created_at            timestamptz NOT NULL,
    finalised_by          text,
    finalised_at          timestamptz,
    -- Statements with MISSING slots are settled on the slots that have values and flagged; finalising
    -- such a run needs this explicit acknowledgement, recorded here.
    incomplete_accepted   boolean     NOT NULL DEFAULT false,
    -- Position in the feed of finalised statements, taken under an advisory lock at finalisation so
    -- positions become visible in order.
    feed_position         bigint UNIQUE,
    -- Which inputs were used: contract and series versions as known at an instant, the holiday
    -- calendar, the interval snapshot (rows, qualities, max revision), the rounding rule.
    manifest              jsonb       NOT NULL,
    statements            integer     NOT NULL,
    incomplete_statements integer     NOT NULL,
    UNIQUE (kind, period_kind, period_from, period_until, version),
    CHECK (period_until > period_from),
    CHECK ((version = 1) = (previous_run_id IS NULL)),
    CHECK ((status = 'DRAFT' AND finalised_by IS NULL AND finalised_at IS NULL AND feed_position IS NULL)
        OR (status = 'FINAL' AND finalised_by IS NOT NULL AND finalised_at IS NOT NULL AND feed_position IS NOT NULL)),
    -- Four eyes: whoever created a run cannot finalise it.
    CHECK (finalised_by IS NULL OR finalised_by <> created_by)
);

CREATE TABLE settlement_statement (
    run_id                bigint      NOT NULL REFERENCES settlement_run (id),
    site_id               text        NOT NULL,
    segment_from          date        NOT NULL,
    segment_until         date        NOT NULL, -- exclusive; a contract change splits the period
    contract_id           text        NOT NULL,
    contract_version      integer     NOT NULL,
    tax_treatment         text        NOT NULL,
    energy_wh             bigint      NOT NULL CHECK (energy_wh >= 0),
    amount                numeric     NOT NULL, -- Σ slot amounts at full precision
    amount_truncated      numeric(15) NOT NULL, -- truncated once (円未満切り捨て)
    tax                   numeric(15) NOT NULL, -- 10 %, once, truncated
    amount_excluding_tax  numeric(15) NOT NULL,
    payment               numeric(15) NOT NULL,
    measured_slots        integer     NOT NULL,
    estimated_slots       integer     NOT NULL,
    missing_slots         integer     NOT NULL,
    max_interval_revision integer,
    line_digest           char(16)    NOT NULL,
    PRIMARY KEY (run_id, site_id, segment_from),
    FOREIGN KEY (contract_id, contract_version) REFERENCES buyback_contract (id, version)
);
CREATE INDEX settlement_statement_site_idx ON settlement_statement (site_id, run_id);

-- A FINAL run and its statements never change; a DRAFT may only be finalised (or get statements
-- while it is written).
CREATE FUNCTION settlement_run_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        IF OLD.status = 'FINAL' THEN
            RAISE EXCEPTION 'settlement run % is FINAL and immutable', OLD.id;
        END IF;
        RETURN OLD;
    END IF;
    IF OLD.status = 'FINAL' THEN
        RAISE EXCEPTION 'settlement run % is FINAL and immutable', OLD.id;
    END IF;
    IF (NEW.kind, NEW.period_kind, NEW.period_from, NEW.period_until, NEW.version, NEW.previous_run_id, NEW.created_by,
        NEW.created_at, NEW.manifest, NEW.statements, NEW.incomplete_statements)
       IS DISTINCT FROM (OLD.kind, OLD.period_kind, OLD.period_from, OLD.period_until, OLD.version, OLD.previous_run_id,
        OLD.created_by, OLD.created_at, OLD.manifest, OLD.statements, OLD.incomplete_statements) THEN
        RAISE EXCEPTION 'settlement run %: only finalisation may change a run', OLD.id;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER settlement_run_immutable BEFORE UPDATE OR DELETE ON settlement_run
    FOR EACH ROW EXECUTE FUNCTION settlement_run_guard();

-- Statements are never updated or deleted; rows may be added only to a DRAFT run (checked once per
-- INSERT statement, not per row: a run writes ~80,000 rows with one COPY).
CREATE FUNCTION settlement_statement_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'statements of settlement run % are immutable', OLD.run_id;
END
$$;
CREATE TRIGGER settlement_statement_immutable BEFORE UPDATE OR DELETE ON settlement_statement
    FOR EACH ROW EXECUTE FUNCTION settlement_statement_guard();

CREATE FUNCTION settlement_statement_insert_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    final_run bigint;
BEGIN
    SELECT r.id INTO final_run FROM settlement_run r WHERE r.status = 'FINAL' AND r.id IN (SELECT DISTINCT run_id FROM added) LIMIT 1;
    IF final_run IS NOT NULL THEN
        RAISE EXCEPTION 'statements of settlement run % are immutable', final_run;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER settlement_statement_insert_only_draft AFTER INSERT ON settlement_statement
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION settlement_statement_insert_guard();
