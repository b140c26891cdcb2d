package org.aems.ingest.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.zip.CRC32;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Migration V3: turns telemetry into a TimescaleDB hypertable with compression and retention when the
 * extension is available, and does nothing otherwise (ADR 0003). One migration history serves both
 * paths; the TimescaleDB SQL stays isolated in {@code db/timescaledb/telemetry.sql}.
 */
public final class TimescaleDbMigration implements JavaMigration {

    private static final Logger log = LoggerFactory.getLogger(TimescaleDbMigration.class);
    private static final String SCRIPT = "/db/timescaledb/telemetry.sql";

    @Override
    public String getDescription() {
        return "timescaledb when available";
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("3");
    }

    /** The script's CRC, so an edited script is caught by Flyway's validation like an edited SQL migration. */
    @Override
    public Integer getChecksum() {
        try {
            CRC32 crc = new CRC32();
            crc.update(script().getBytes(StandardCharsets.UTF_8));
            return (int) crc.getValue();
        } catch (IOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement s = context.getConnection().createStatement()) {
            boolean available;
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_available_extensions WHERE name = 'timescaledb'")) {
                available = rs.next();
            }
            if (!available) {
                log.info("timescaledb extension not available: telemetry stays a plain PostgreSQL table");
                return;
            }
            log.info("timescaledb extension available: making telemetry_reading a hypertable with compression and retention");
            s.execute(script());
        }
    }

    private static String script() throws IOException {
        try (InputStream in = TimescaleDbMigration.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IOException(SCRIPT + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
