-- The data of record (issue #6, ADR 0014): the transmission operator's certified 30-minute values
-- (託送 A-route 確定値), keyed by supply point number (供給地点特定番号) as the operator sends them; the
-- registry maps a supply point to the site in force on the slot's day. Gateway intervals (site_interval)
-- stay provisional. Everything here is append-only and kept >= 7 years (records behind payments): NEVER
-- put these tables under a retention policy.

-- One imported file. digest: SHA-256 of the file's bytes; the same file is imported once (a repeat is
-- answered with this batch). Counts describe the data lines (the header is line 1).
CREATE TABLE certified_import_batch (
    id          bigserial PRIMARY KEY,
    file_name   text,
    format      text        NOT NULL,
    imported_by text        NOT NULL,
    received_at timestamptz NOT NULL,
    digest      char(64)    NOT NULL UNIQUE,
    lines       integer     NOT NULL CHECK (lines >= 0),
    accepted    integer     NOT NULL CHECK (accepted >= 0),
    rejected    integer     NOT NULL CHECK (rejected >= 0),
    new_values  integer     NOT NULL CHECK (new_values >= 0),  -- first value for its supply point and slot
    superseding integer     NOT NULL CHECK (superseding >= 0), -- replaced a different earlier value
    unchanged   integer     NOT NULL CHECK (unchanged >= 0),   -- equal to the current value: history only
    CHECK (accepted + rejected = lines),
    CHECK (new_values + superseding + unchanged = accepted)
);

-- Every refused line, with its stable reason and what to fix; the rest of the file is still stored.
CREATE TABLE certified_import_rejection (
    batch_id bigint  NOT NULL REFERENCES certified_import_batch (id),
    line     integer NOT NULL,
    reason   text    NOT NULL,
    detail   text    NOT NULL,
    PRIMARY KEY (batch_id, line)
);

-- Every value ever received, per batch: what the operator said, when. batch_id has no FOREIGN KEY (here
-- and in certified_interval): its per-row check doubled the import of a day (3.84 M rows); the import
-- writes the batch first in the same transaction, and batches are never deleted (trigger below).
CREATE TABLE certified_interval_history (
    supply_point_number char(22)    NOT NULL CHECK (supply_point_number ~ '^[0-9]{22}$'),
    slot_start          timestamptz NOT NULL,
    slot_date           date        NOT NULL, -- JST day
    slot_index          smallint    NOT NULL CHECK (slot_index BETWEEN 1 AND 48),
    import_wh           bigint      NOT NULL CHECK (import_wh >= 0), -- 受電
    export_wh           bigint      NOT NULL CHECK (export_wh >= 0), -- 送電 (what the buy-back pays for)
    batch_id            bigint      NOT NULL, -- certified_import_batch (id); no FOREIGN KEY, see below
    line                integer     NOT NULL,
    received_at         timestamptz NOT NULL,
    PRIMARY KEY (supply_point_number, slot_start, batch_id)
);

-- The current certified value per supply point and slot: the latest batch that changed it wins.
-- version: 1 for the first value, + 1 each time a later batch changed it. Settlement and the
-- reconciliation read this table; certified_interval_history keeps what it replaced.
CREATE TABLE certified_interval (
    supply_point_number char(22)    NOT NULL CHECK (supply_point_number ~ '^[0-9]{22}$'),
    slot_start          timestamptz NOT NULL,
    slot_date           date        NOT NULL,
    slot_index          smallint    NOT NULL CHECK (slot_index BETWEEN 1 AND 48),
    import_wh           bigint      NOT NULL CHECK (import_wh >= 0),
    export_wh           bigint      NOT NULL CHECK (export_wh >= 0),
    batch_id            bigint      NOT NULL, -- certified_import_batch (id)
    version             integer     NOT NULL DEFAULT 1 CHECK (version >= 1),
    received_at         timestamptz NOT NULL,
    PRIMARY KEY (supply_point_number, slot_start)
);
CREATE INDEX certified_interval_slot_idx ON certified_interval (slot_start);

CREATE FUNCTION certified_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: import a corrected file instead', TG_TABLE_NAME;
END
$$;
CREATE TRIGGER certified_import_batch_append_only BEFORE UPDATE OR DELETE ON certified_import_batch
    FOR EACH ROW EXECUTE FUNCTION certified_append_only();
CREATE TRIGGER certified_import_rejection_append_only BEFORE UPDATE OR DELETE ON certified_import_rejection
    FOR EACH ROW EXECUTE FUNCTION certified_append_only();
CREATE TRIGGER certified_interval_history_append_only BEFORE UPDATE OR DELETE ON certified_interval_history
    FOR EACH ROW EXECUTE FUNCTION certified_append_only();

-- The current value changes only by a later batch, one version up; it is never deleted.
CREATE FUNCTION certified_interval_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' OR NEW.batch_id <= OLD.batch_id OR NEW.version <> OLD.version + 1
       OR (NEW.supply_point_number, NEW.slot_start) IS DISTINCT FROM (OLD.supply_point_number, OLD.slot_start) THEN
        RAISE EXCEPTION 'certified value of % at % changes only by a later import batch', OLD.supply_point_number, OLD.slot_start;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER certified_interval_superseded_only BEFORE UPDATE OR DELETE ON certified_interval
    FOR EACH ROW EXECUTE FUNCTION certified_interval_guard();

-- Statements say which source they were billed on and the metrology class of the site's meter.
-- certified_slots: lines billed on certified values (counted in measured_slots too); the other lines are
-- gateway (provisional) values. metrology_class: the weakest class of the site's registered meters in
-- force during the segment, NULL when the registry has no meter for the site.
ALTER TABLE settlement_statement
    ADD COLUMN certified_slots integer NOT NULL DEFAULT 0 CHECK (certified_slots >= 0),
    ADD COLUMN metrology_class text CHECK (metrology_class IN ('CERTIFIED', 'SPECIFIED_MEASUREMENT', 'UNCERTIFIED'));

-- Statements billed (partly) on gateway values where certified values are expected (any meter but a
-- 特定計量 one): shown, counted, never a block to finalising (ADR 0014).
ALTER TABLE settlement_run ADD COLUMN provisional_statements integer NOT NULL DEFAULT 0 CHECK (provisional_statements >= 0);

-- Replaces V22's guard: every column except those finalisation sets must stay as it was, so a column added
-- later (supply bill counts in V23, provisional_statements here) is covered without redefining the list.
CREATE OR REPLACE FUNCTION settlement_run_guard() RETURNS trigger LANGUAGE plpgsql AS $$
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
    IF to_jsonb(NEW) - ARRAY['status', 'finalised_by', 'finalised_at', 'incomplete_accepted', 'feed_position']
       IS DISTINCT FROM to_jsonb(OLD) - ARRAY['status', 'finalised_by', 'finalised_at', 'incomplete_accepted', 'feed_position'] THEN
        RAISE EXCEPTION 'settlement run %: only finalisation may change a run', OLD.id;
    END IF;
    RETURN NEW;
END
$$;
