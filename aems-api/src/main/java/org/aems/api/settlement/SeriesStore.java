package org.aems.api.settlement;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.aems.core.series.InMemoryPriceSource;
import org.aems.core.series.PriceSource;
import org.aems.core.series.SeriesId;
import org.aems.core.series.SeriesValue;
import org.aems.core.series.SeriesVersion;
import org.aems.core.series.VersionedSeries;
import org.aems.core.unit.YenPerKwh;
import org.aems.ingest.store.StoreException;
import org.springframework.stereotype.Component;

/** Versioned price series in PostgreSQL ({@code series_version}, {@code series_value}, append-only). */
@Component
public class SeriesStore {

    private final DataSource dataSource;

    public SeriesStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Records one published version of a price series with its values (yen/kWh). */
    public void recordPrices(SeriesVersion version, List<SeriesValue<YenPerKwh>> values) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement v = c.prepareStatement(
                    "INSERT INTO series_version (series_id, version, unit, published_at, source) VALUES (?, ?, 'yen/kWh', ?, ?)")) {
                v.setString(1, version.series().value());
                v.setInt(2, version.version());
                v.setTimestamp(3, Timestamp.from(version.publishedAt()));
                v.setString(4, version.source());
                v.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO series_value (series_id, version, valid_from, valid_until, value) VALUES (?, ?, ?, ?, ?)")) {
                for (SeriesValue<YenPerKwh> value : values) {
                    if (!value.version().equals(version)) {
                        throw new IllegalArgumentException("value from " + value.from() + " carries another version");
                    }
                    ps.setString(1, version.series().value());
                    ps.setInt(2, version.version());
                    ps.setTimestamp(3, Timestamp.from(value.from()));
                    ps.setTimestamp(4, Timestamp.from(value.until()));
                    ps.setBigDecimal(5, value.value().value());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            c.commit();
        } catch (SQLException e) {
            throw new StoreException("recording " + version.series() + " v" + version.version() + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * The price series {@code ids} with every version that has values overlapping [from, until), as a
     * {@link PriceSource}; asking it "as known at" an instant reproduces what a run saw.
     */
    public PriceSource prices(Set<SeriesId> ids, Instant from, Instant until) {
        Map<SeriesId, VersionedSeries<YenPerKwh>> all = new HashMap<>();
        for (SeriesId id : ids) {
            all.put(id, load(id, from, until));
        }
        return new InMemoryPriceSource(all);
    }

    private VersionedSeries<YenPerKwh> load(SeriesId id, Instant from, Instant until) {
        Map<SeriesVersion, List<SeriesValue<YenPerKwh>>> byVersion = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT v.version, v.published_at, v.source, x.valid_from, x.valid_until, x.value
                FROM series_version v JOIN series_value x ON x.series_id = v.series_id AND x.version = v.version
                WHERE v.series_id = ? AND x.valid_from < ? AND x.valid_until > ?
                ORDER BY v.version, x.valid_from""")) {
            ps.setString(1, id.value());
            ps.setTimestamp(2, Timestamp.from(until));
            ps.setTimestamp(3, Timestamp.from(from));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    SeriesVersion version = new SeriesVersion(id, rs.getInt(1), rs.getTimestamp(2).toInstant(), rs.getString(3));
                    byVersion.computeIfAbsent(version, v -> new ArrayList<>()).add(new SeriesValue<>(rs.getTimestamp(4).toInstant(),
                            rs.getTimestamp(5).toInstant(), YenPerKwh.of(rs.getBigDecimal(6)), version));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("loading series " + id + " failed: " + e.getMessage(), e);
        }
        VersionedSeries<YenPerKwh> series = VersionedSeries.empty(id);
        for (Map.Entry<SeriesVersion, List<SeriesValue<YenPerKwh>>> e : byVersion.entrySet()) {
            series = series.withVersion(e.getKey(), e.getValue());
        }
        return series;
    }
}
