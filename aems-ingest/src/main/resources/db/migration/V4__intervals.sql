-- The canonical 30-minute interval tables (ADR 0008), built by ingest's rollup from raw telemetry
-- and kept >= 7 years: NEVER put these tables under a retention policy (raw telemetry expires after
-- ~13 months; these rows are what statements are built on). Plain PostgreSQL, unchanged on TimescaleDB
-- (they are ordinary tables there too, not hypertables).
--
-- A slot is 30 minutes in JST: slot_start is the UTC instant it starts, slot_date/slot_index its JST
-- day and number 1..48 (slot 1 = 00:00-00:30 JST). In SQL the slot of an instant is
--   date_bin('30 minutes', ts, TIMESTAMPTZ '2000-01-01 00:00:00+09')
-- Energies are whole Wh and never negative; powers whole W with the meter's sign (+ = import).
-- No foreign key to site: a region re-import deletes and re-inserts the registry, and intervals must
-- outlive it.

CREATE TABLE site_interval (
    site_id              text        NOT NULL,
    slot_start           timestamptz NOT NULL,
    slot_date            date        NOT NULL,
    slot_index           smallint    NOT NULL CHECK (slot_index BETWEEN 1 AND 48),
    -- Grid exchange from the meter's cumulative registers (differences, rollover added); from
    -- meter.power integration only where the meter sent no register for the slot.
    import_wh            bigint CHECK (import_wh >= 0),
    export_wh            bigint CHECK (export_wh >= 0),
    -- Device energies: from the device's cumulative register where it has one (pv.energy), else from
    -- integrating its power (sample-and-hold, aems.ingest.rollup.power-hold); NULL when it sent nothing.
    pv_wh                bigint CHECK (pv_wh >= 0),
    battery_charge_wh    bigint CHECK (battery_charge_wh >= 0),
    battery_discharge_wh bigint CHECK (battery_discharge_wh >= 0),
    ev_charge_wh         bigint CHECK (ev_charge_wh >= 0),
    ev_discharge_wh      bigint CHECK (ev_discharge_wh >= 0),
    -- From meter.power: time-weighted average (+ import, - export) and instantaneous peaks, both
    -- peaks positive magnitudes.
    avg_power_w          bigint,
    peak_import_w        bigint CHECK (peak_import_w >= 0),
    peak_export_w        bigint CHECK (peak_export_w >= 0),
    -- quality, source and completeness qualify import_wh/export_wh, the values settlement bills on:
    -- completeness is the fraction of the slot the data covered (a partial slot is pro-rated and
    -- ESTIMATED); MISSING means no grid-exchange data at all, and then import/export are NULL.
    completeness         numeric(7, 6) NOT NULL CHECK (completeness BETWEEN 0 AND 1),
    quality              text        NOT NULL CHECK (quality IN ('MEASURED', 'ESTIMATED', 'MISSING')),
    source               text        NOT NULL CHECK (source IN ('FIXED_VALUE', 'REGISTER_INTERPOLATED', 'POWER_INTEGRATED', 'NONE')),
    -- Why a value is estimated or unusual (rollover, meter replacement, partial coverage), for operators.
    note                 text,
    computed_at          timestamptz NOT NULL, -- when the values last changed
    revision             integer     NOT NULL DEFAULT 1, -- + 1 each time a recompute changed the values
    -- Settlement (a later issue) extends this table with its own columns (certified A-route values,
    -- reconciliation, statement references); the rollup only ever writes the columns above.
    PRIMARY KEY (site_id, slot_start),
    CHECK (quality <> 'MISSING' OR (import_wh IS NULL AND export_wh IS NULL AND source = 'NONE'))
);
CREATE INDEX site_interval_slot_idx ON site_interval (slot_start);

-- The same energies summed over a feeder's sites. site_count: sites of the feeder in force on the
-- slot's day; sites_reporting: those whose interval is not MISSING. net_import_wh = import - export
-- (+ = the feeder draws from upstream, - = reverse flow).
CREATE TABLE feeder_interval (
    feeder_id            text        NOT NULL,
    slot_start           timestamptz NOT NULL,
    slot_date            date        NOT NULL,
    slot_index           smallint    NOT NULL CHECK (slot_index BETWEEN 1 AND 48),
    import_wh            bigint,
    export_wh            bigint,
    net_import_wh        bigint,
    pv_wh                bigint,
    battery_charge_wh    bigint,
    battery_discharge_wh bigint,
    ev_charge_wh         bigint,
    ev_discharge_wh      bigint,
    site_count           integer     NOT NULL,
    sites_reporting      integer     NOT NULL,
    computed_at          timestamptz NOT NULL,
    revision             integer     NOT NULL DEFAULT 1,
    PRIMARY KEY (feeder_id, slot_start)
);

-- How far the rollup has got (one row). scanned_until: the greatest telemetry_reading.received_at it
-- has scanned; each run rescans from scanned_until - overlap, because received_at is stamped before
-- the batch commits. closed_until: every registered site's slots ending at or before it have been
-- computed (NULL until the first run).
CREATE TABLE rollup_watermark (
    id            boolean PRIMARY KEY DEFAULT true CHECK (id),
    scanned_until timestamptz,
    closed_until  timestamptz,
    updated_at    timestamptz
);
INSERT INTO rollup_watermark (id) VALUES (true);

-- The rollup finds what arrived since its watermark by received_at. BRIN, not a B-tree: rows arrive
-- in received_at order, so block ranges stay narrow, and a second B-tree on the busiest table cost
-- ~40 % of the ingest write rate (docs/benchmarks.md). On plain PostgreSQL the retention purge will
-- let new rows reuse freed pages after ~13 months and widen some ranges: the rollup scan then reads
-- more, never wrong (ADR 0008).
CREATE INDEX telemetry_reading_received_idx ON telemetry_reading USING brin (received_at) WITH (pages_per_range = 16);
