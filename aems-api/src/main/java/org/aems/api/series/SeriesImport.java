package org.aems.api.series;

import java.io.Reader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.aems.api.settlement.SeriesStore;
import org.aems.core.series.SeriesId;
import org.aems.core.series.SeriesValue;
import org.aems.core.series.SeriesVersion;
import org.aems.ingest.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Stores an uploaded file as the next version of a series: numbered under a lock per series so concurrent
 * uploads get consecutive versions, published now, in the unit every earlier version has.
 */
@Component
class SeriesImport {

    private static final Logger log = LoggerFactory.getLogger(SeriesImport.class);

    private final DataSource dataSource;
    private final SeriesStore store;
    private final Clock clock;

    SeriesImport(DataSource dataSource, SeriesStore store, Clock clock) {
        this.dataSource = dataSource;
        this.store = store;
        this.clock = clock;
    }

    SeriesVersion importVersion(SeriesId id, SeriesUnit unit, String source, String user, Reader csv) {
        List<SeriesFile.Row> rows = SeriesFile.parse(csv, unit);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
                    lock.setString(1, "series_version\n" + id.value());
                    lock.execute();
                }
                int latest = 0;
                Instant publishedAt = clock.instant();
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT version, unit, published_at FROM series_version WHERE series_id = ? ORDER BY version DESC LIMIT 1")) {
                    ps.setString(1, id.value());
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            latest = rs.getInt(1);
                            if (!rs.getString(2).equals(unit.text())) {
                                throw new SeriesFileException(List.of(new SeriesFileException.Problem(0, "UNIT_MISMATCH", "series "
                                        + id + " is kept in " + rs.getString(2) + ", not " + unit.text()
                                        + "; upload with unit=" + rs.getString(2) + " or use another series id")), 1);
                            }
                            Instant previous = rs.getTimestamp(3).toInstant();
                            publishedAt = publishedAt.isBefore(previous) ? previous : publishedAt;
                        }
                    }
                }
                SeriesVersion version = new SeriesVersion(id, latest + 1, publishedAt, source);
                List<SeriesValue<BigDecimal>> values = rows.stream()
                        .map(r -> new SeriesValue<>(r.from(), r.until(), r.value(), version)).toList();
                store.insert(c, version, unit.text(), user, values);
                c.commit();
                log.info("series version stored [series: {}, version: {}, unit: {}, values: {}, by: {}]", id, version.version(),
                        unit.text(), values.size(), user);
                return version;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("storing a version of series " + id + " failed: " + e.getMessage(), e);
        }
    }
}
