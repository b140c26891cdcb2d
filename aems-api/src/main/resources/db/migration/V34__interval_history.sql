-- A settlement run's slot lines stay reproducible after late data (issue #6, ADR 0021). Every change of a
-- site_interval row keeps the version it replaces, with the transactions that wrote and replaced it; a run
-- records the MVCC snapshot it read, so its lines are recomputed later from the intervals exactly as that
-- snapshot saw them (pg_visible_in_snapshot), not from what late data made of them since.

-- The transaction that wrote a row's values. NULL for rows written before V34 (older than any run that
-- records a snapshot); the default applies to new rows without rewriting the table.
ALTER TABLE site_interval ADD COLUMN written_by xid8;
ALTER TABLE site_interval ALTER COLUMN written_by SET DEFAULT pg_current_xact_id();

-- The replaced versions, with the columns settlement reads (a column site_interval gains later is not kept
-- here until a migration adds it; the trigger names its columns, so such a change cannot break the rollup).
CREATE TABLE site_interval_history (
    site_id       text        NOT NULL,
    slot_start    timestamptz NOT NULL,
    slot_date     date        NOT NULL,
    slot_index    smallint    NOT NULL,
    import_wh     bigint,
    export_wh     bigint,
    quality       text        NOT NULL,
    source        text        NOT NULL,
    revision      integer     NOT NULL,
    computed_at   timestamptz NOT NULL,
    written_by    xid8,                 -- NULL: written before V34
    superseded_by xid8        NOT NULL, -- the transaction that replaced these values
    superseded_at timestamptz NOT NULL
);
CREATE INDEX site_interval_history_site_idx ON site_interval_history (site_id, slot_start);

CREATE FUNCTION site_interval_keep_history() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO site_interval_history (site_id, slot_start, slot_date, slot_index, import_wh, export_wh, quality, source,
                                       revision, computed_at, written_by, superseded_by, superseded_at)
    VALUES (OLD.site_id, OLD.slot_start, OLD.slot_date, OLD.slot_index, OLD.import_wh, OLD.export_wh, OLD.quality, OLD.source,
            OLD.revision, OLD.computed_at, OLD.written_by, pg_current_xact_id(), now());
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    NEW.written_by := pg_current_xact_id();
    RETURN NEW;
END
$$;
-- Only when the values settlement reads change (the rollup already updates a row only when something changed): a
-- change of PV or battery energies alone keeps no history, and the row keeps the transaction of its settled values.
CREATE TRIGGER site_interval_history BEFORE UPDATE ON site_interval FOR EACH ROW
    WHEN ((OLD.import_wh, OLD.export_wh, OLD.quality, OLD.source) IS DISTINCT FROM (NEW.import_wh, NEW.export_wh, NEW.quality, NEW.source))
    EXECUTE FUNCTION site_interval_keep_history();
CREATE TRIGGER site_interval_history_delete BEFORE DELETE ON site_interval FOR EACH ROW
    EXECUTE FUNCTION site_interval_keep_history();

-- The intervals as a snapshot saw them: the current rows it could see, and the replaced versions it saw before
-- their replacement. Plain SQL, so the planner inlines it and pushes a caller's site and slot conditions into
-- both branches (their indexes).
CREATE FUNCTION site_interval_seen(snap pg_snapshot)
    RETURNS TABLE (site_id text, slot_start timestamptz, slot_date date, slot_index smallint, import_wh bigint, export_wh bigint,
                   quality text, source text, revision integer)
    LANGUAGE sql STABLE AS $$
    SELECT i.site_id, i.slot_start, i.slot_date, i.slot_index, i.import_wh, i.export_wh, i.quality, i.source, i.revision
    FROM site_interval i
    WHERE i.written_by IS NULL OR pg_visible_in_snapshot(i.written_by, snap)
    UNION ALL
    SELECT h.site_id, h.slot_start, h.slot_date, h.slot_index, h.import_wh, h.export_wh, h.quality, h.source, h.revision
    FROM site_interval_history h
    WHERE (h.written_by IS NULL OR pg_visible_in_snapshot(h.written_by, snap)) AND NOT pg_visible_in_snapshot(h.superseded_by, snap)
$$;

-- The snapshot a run read its intervals in (NULL for runs before V34: their lines answer 409 INTERVALS_CHANGED
-- after late data, as before).
ALTER TABLE settlement_run ADD COLUMN interval_snapshot pg_snapshot;

-- Certified values (data of record, V24) already keep every batch's values in certified_interval_history; what a
-- snapshot saw is the newest batch it could see. The transaction that wrote each batch (NULL before V34):
ALTER TABLE certified_import_batch ADD COLUMN written_by xid8;
ALTER TABLE certified_import_batch ALTER COLUMN written_by SET DEFAULT pg_current_xact_id();

-- A high-voltage bill's billing demand reads 11 months of history; months under the contract that lacked values
-- may hide a higher peak. The bill lists them ([{"month":"2025-11","missingSlots":2}], [] = whole) and is incomplete.
ALTER TABLE supply_bill ADD COLUMN demand_history_gaps jsonb NOT NULL DEFAULT '[]'::jsonb;
