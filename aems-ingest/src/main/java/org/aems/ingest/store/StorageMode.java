package org.aems.ingest.store;

import java.util.Optional;

/**
 * How telemetry is stored on this database, detected at start-up (ADR 0003).
 *
 * @param timescaleDbVersion the installed extension's version, empty on plain PostgreSQL
 * @param hypertable         whether telemetry_reading is a hypertable (with compression and retention policies)
 */
public record StorageMode(String postgresVersion, Optional<String> timescaleDbVersion, boolean hypertable) {

    /** True when raw-telemetry retention is AEMS's job rather than a TimescaleDB policy. */
    public boolean retentionByAems() {
        return !hypertable;
    }

    public String describe() {
        return hypertable
                ? "TimescaleDB " + timescaleDbVersion.orElse("?") + " on PostgreSQL " + postgresVersion
                        + ": telemetry_reading is a hypertable with compression (7 d) and retention (395 d) policies"
                : "plain PostgreSQL " + postgresVersion + timescaleDbVersion.map(v -> " (timescaledb " + v
                        + " installed but telemetry_reading is not a hypertable)").orElse(" (timescaledb extension not available)")
                        + ": same schema, raw-telemetry retention by AEMS (TelemetryRetention)";
    }
}
