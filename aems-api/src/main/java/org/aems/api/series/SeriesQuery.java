package org.aems.api.series;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.aems.api.config.NotFoundException;
import org.aems.api.series.SeriesViews.SeriesSummary;
import org.aems.api.series.SeriesViews.Value;
import org.aems.api.series.SeriesViews.ValuePage;
import org.aems.api.series.SeriesViews.Version;
import org.aems.api.series.SeriesViews.VersionPage;
import org.aems.api.settlement.SeriesStore;
import org.aems.core.series.SeriesId;
import org.aems.core.series.SeriesValue;
import org.aems.core.series.VersionedSeries;
import org.aems.core.time.Jst;
import org.aems.ingest.store.StoreException;
import org.springframework.stereotype.Component;

/** Reads series, their versions and their values as known at an instant. */
@Component
class SeriesQuery {

    private final DataSource dataSource;
    private final SeriesStore store;

    SeriesQuery(DataSource dataSource, SeriesStore store) {
        this.dataSource = dataSource;
        this.store = store;
    }

    List<SeriesSummary> all() {
        List<SeriesSummary> all = new ArrayList<>();
        query("""
                SELECT series_id, min(unit), max(version), max(published_at), count(*) FROM series_version
                GROUP BY series_id ORDER BY series_id""", List.of(), rs -> all.add(new SeriesSummary(rs.getString(1), rs.getString(2),
                rs.getInt(3), jst(rs.getTimestamp(4).toInstant()), rs.getInt(5))));
        return all;
    }

    VersionPage versions(SeriesId id) {
        List<Version> versions = new ArrayList<>();
        query("""
                SELECT v.version, v.unit, v.published_at, v.source, v.recorded_by, count(x.valid_from), min(x.valid_from), max(x.valid_until)
                FROM series_version v LEFT JOIN series_value x ON x.series_id = v.series_id AND x.version = v.version
                WHERE v.series_id = ? GROUP BY v.version, v.unit, v.published_at, v.source, v.recorded_by ORDER BY v.version""",
                List.of(id.value()), rs -> versions.add(new Version(id.value(), rs.getInt(1), rs.getString(2),
                        jst(rs.getTimestamp(3).toInstant()), rs.getString(4), rs.getString(5), rs.getLong(6),
                        rs.getTimestamp(7) == null ? null : jst(rs.getTimestamp(7).toInstant()),
                        rs.getTimestamp(8) == null ? null : jst(rs.getTimestamp(8).toInstant()))));
        if (versions.isEmpty()) {
            throw notFound(id);
        }
        return new VersionPage(id.value(), versions);
    }

    /**
     * The values in force over [from, until) as known at {@code asOf}: for each stretch, the newest version
     * published by then that covers it, exactly as settlement and plans read the series.
     */
    ValuePage values(SeriesId id, Instant from, Instant until, Instant asOf) {
        String unit = versions(id).versions().get(0).unit();
        VersionedSeries<BigDecimal> series = store.load(id, from, until);
        TreeSet<Instant> edges = new TreeSet<>(List.of(from, until));
        for (SeriesValue<BigDecimal> v : series.values()) {
            edges.add(v.from().isBefore(from) ? from : v.from());
            edges.add(v.until().isAfter(until) ? until : v.until());
        }
        List<Value> values = new ArrayList<>();
        Instant previous = null;
        for (Instant edge : edges) {
            if (previous != null) {
                Optional<SeriesValue<BigDecimal>> v = series.valueAt(previous, asOf);
                if (v.isPresent()) {
                    values.add(new Value(jst(previous), jst(edge), v.get().value().toPlainString(), v.get().version().version()));
                }
            }
            previous = edge;
        }
        return new ValuePage(id.value(), unit, jst(asOf), values);
    }

    private static NotFoundException notFound(SeriesId id) {
        return new NotFoundException("SERIES_NOT_FOUND", "series '" + id + "' has no version; upload one with POST /api/v1/series/"
                + id + "/versions, or see GET /api/v1/series");
    }

    private static String jst(Instant at) {
        return Jst.toJst(at).toOffsetDateTime().toString();
    }

    @FunctionalInterface
    private interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    private void query(String sql, List<Object> parameters, Row row) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                ps.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    row.read(rs);
                }
            }
        } catch (SQLException e) {
            throw new StoreException("reading series failed: " + e.getMessage(), e);
        }
    }
}
