-- Applied by migration V3 only when the timescaledb extension is available (ADR 0003).
-- It adds nothing to the schema's meaning: same table, same key, same queries on both paths.
CREATE EXTENSION IF NOT EXISTS timescaledb;

SELECT create_hypertable('telemetry_reading', by_range('ts', INTERVAL '1 day'), migrate_data => true);

-- Compress chunks older than a week, segmented per site so a site's history stays cheap to read.
-- TimescaleDB >= 2.11 accepts INSERT ... ON CONFLICT DO NOTHING into compressed chunks, so late
-- backfill and redelivery keep working.
ALTER TABLE telemetry_reading SET (
    timescaledb.compress,
    timescaledb.compress_segmentby = 'site_id',
    timescaledb.compress_orderby = 'ts, device_id, quantity'
);
SELECT add_compression_policy('telemetry_reading', INTERVAL '7 days');

-- Raw telemetry ~13 months (395 days). Intervals, statements and audit are never under a policy.
SELECT add_retention_policy('telemetry_reading', INTERVAL '395 days');
