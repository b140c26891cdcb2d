package org.aems.api.settlement;

import java.math.BigDecimal;
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

/**
 * Versioned external series in PostgreSQL ({@code series_version}, {@code series_value}, append-only): prices in
 * yen/kWh, CO2 factors in kg-CO2/kWh. Settlement, plans and KPIs read them here; {@code /api/v1/series} imports
 * new versions.
 */
@Component
public class SeriesStore {

    public static final String YEN_PER_KWH = "yen/kWh";

    private final DataSource dataSource;

    public SeriesStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Records one published version of a price series with its values (yen/kWh). */
    public void recordPrices(SeriesVersion version, List<SeriesValue<YenPerKwh>> values) {
        record(version, YEN_PER_KWH, values.stream()
                .map(v -> new SeriesValue<>(v.from(), v.until(), v.value().value(), v.version())).toList());
    }

    /** Records one published version of a series in {@code unit} with its values. */
    public void record(SeriesVersion version, String unit, List<SeriesValue<BigDecimal>> values) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                insert(c, version, unit, null, values);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("recording " + version.series() + " v" + version.version() + " failed: " + e.getMessage(), e);
        }
    }

    /** Inserts a version and its values in the caller's transaction; {@code recordedBy} may be null. */
    public void insert(Connection c, SeriesVersion version, String unit, String recordedBy, List<SeriesValue<BigDecimal>> values)
            throws SQLException {
        try (PreparedStatement v = c.prepareStatement("INSERT INTO series_version (series_id, version, unit, published_at, source,"
                + " recorded_by) VALUES (?, ?, ?, ?, ?, ?)")) {
            v.setString(1, version.series().value());
            v.setInt(2, version.version());
            v.setString(3, unit);
            v.setTimestamp(4, Timestamp.from(version.publishedAt()));
            v.setString(5, version.source());
            v.setString(6, recordedBy);
            v.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO series_value (series_id, version, valid_from, valid_until, value) VALUES (?, ?, ?, ?, ?)")) {
            for (SeriesValue<BigDecimal> value : values) {
                if (!value.version().equals(version)) {
                    throw new IllegalArgumentException("value from " + value.from() + " carries another version");
                }
                ps.setString(1, version.series().value());
                ps.setInt(2, version.version());
                ps.setTimestamp(3, Timestamp.from(value.from()));
                ps.setTimestamp(4, Timestamp.from(value.until()));
                ps.setBigDecimal(5, value.value());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * The price series {@code ids} with every version that has values overlapping [from, until), as a
     * {@link PriceSource}; asking it "as known at" an instant reproduces what a run saw.
     */
    public PriceSource prices(Set<SeriesId> ids, Instant from, Instant until) {
        Map<SeriesId, VersionedSeries<YenPerKwh>> all = new HashMap<>();
        for (SeriesId id : ids) {
            VersionedSeries<YenPerKwh> prices = VersionedSeries.empty(id);
            for (Map.Entry<SeriesVersion, List<SeriesValue<BigDecimal>>> e : versions(id, from, until).entrySet()) {
                prices = prices.withVersion(e.getKey(), e.getValue().stream()
                        .map(v -> new SeriesValue<>(v.from(), v.until(), YenPerKwh.of(v.value()), v.version())).toList());
            }
            all.put(id, prices);
        }
        return new InMemoryPriceSource(all);
    }

    /** Series {@code id} with every version that has values overlapping [from, until). */
    public VersionedSeries<BigDecimal> load(SeriesId id, Instant from, Instant until) {
        VersionedSeries<BigDecimal> series = VersionedSeries.empty(id);
        for (Map.Entry<SeriesVersion, List<SeriesValue<BigDecimal>>> e : versions(id, from, until).entrySet()) {
            series = series.withVersion(e.getKey(), e.getValue());
        }
        return series;
    }

    private Map<SeriesVersion, List<SeriesValue<BigDecimal>>> versions(SeriesId id, Instant from, Instant until) {
        Map<SeriesVersion, List<SeriesValue<BigDecimal>>> byVersion = new LinkedHashMap<>();
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
                            rs.getTimestamp(5).toInstant(), rs.getBigDecimal(6), version));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("loading series " + id + " failed: " + e.getMessage(), e);
        }
        return byVersion;
    }
}
