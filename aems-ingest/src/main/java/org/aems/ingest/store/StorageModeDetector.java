package org.aems.ingest.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import javax.sql.DataSource;

/** Reads the storage mode off the database, after migrations ran. */
public final class StorageModeDetector {

    private final DataSource dataSource;

    public StorageModeDetector(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public StorageMode detect() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            String version = single(s, "SHOW server_version").orElse("?");
            Optional<String> timescale = single(s, "SELECT extversion FROM pg_extension WHERE extname = 'timescaledb'");
            boolean hypertable = timescale.isPresent() && single(s,
                    "SELECT 1 FROM timescaledb_information.hypertables WHERE hypertable_name = 'telemetry_reading'").isPresent();
            return new StorageMode(version, timescale, hypertable);
        } catch (SQLException e) {
            throw new StoreException("cannot read the storage mode: " + e.getMessage(), e);
        }
    }

    private static Optional<String> single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
        }
    }
}
