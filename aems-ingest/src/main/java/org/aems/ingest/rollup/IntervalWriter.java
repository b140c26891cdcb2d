package org.aems.ingest.rollup;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import org.aems.core.unit.Energy;
import org.aems.core.unit.Power;

/**
 * Upserts intervals, one statement per batch. A row whose recomputed values equal the stored ones is left
 * alone; a changed row gets the new values, {@code computed_at} and {@code revision + 1}. So re-running
 * the rollup is idempotent, and the revision counts real changes (late data, a meter fix).
 */
final class IntervalWriter {

    private static final String SITE_COLUMNS = "import_wh, export_wh, pv_wh, battery_charge_wh, battery_discharge_wh, "
            + "ev_charge_wh, ev_discharge_wh, avg_power_w, peak_import_w, peak_export_w, completeness, quality, source, note";

    private static final String UPSERT_SITES = """
            INSERT INTO site_interval AS si (site_id, slot_start, slot_date, slot_index, %1$s, computed_at)
            SELECT k.*, ? FROM unnest(?::text[], ?::timestamptz[], ?::date[], ?::int[],
                                     ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[],
                                     ?::bigint[], ?::bigint[], ?::bigint[], ?::numeric[], ?::text[], ?::text[], ?::text[]) AS k
            ON CONFLICT (site_id, slot_start) DO UPDATE SET
                (%1$s, computed_at, revision) = (%2$s, EXCLUDED.computed_at, si.revision + 1)
            WHERE (%3$s) IS DISTINCT FROM (%2$s)
            RETURNING quality
            """.formatted(SITE_COLUMNS, prefixed("EXCLUDED.", SITE_COLUMNS), prefixed("si.", SITE_COLUMNS));

    private static final String FEEDER_COLUMNS = "import_wh, export_wh, net_import_wh, pv_wh, battery_charge_wh, "
            + "battery_discharge_wh, ev_charge_wh, ev_discharge_wh, site_count, sites_reporting, buyback_export_wh";

    /** Sums over the feeder's sites in force on the slot's day; a site without an interval counts as not reporting. */
    private static final String UPSERT_FEEDERS = """
            WITH k AS (
                SELECT DISTINCT s.feeder_id, p.slot_start, p.slot_date, p.slot_index
                FROM unnest(?::text[], ?::timestamptz[], ?::date[], ?::int[]) AS p (site_id, slot_start, slot_date, slot_index)
                JOIN site s ON s.id = p.site_id
            )
            INSERT INTO feeder_interval AS fi (feeder_id, slot_start, slot_date, slot_index, %1$s, computed_at)
            SELECT k.feeder_id, k.slot_start, k.slot_date, k.slot_index,
                   sum(si.import_wh), sum(si.export_wh),
                   sum(coalesce(si.import_wh, 0) - coalesce(si.export_wh, 0))
                       FILTER (WHERE si.import_wh IS NOT NULL OR si.export_wh IS NOT NULL),
                   sum(si.pv_wh), sum(si.battery_charge_wh), sum(si.battery_discharge_wh), sum(si.ev_charge_wh),
                   sum(si.ev_discharge_wh),
                   count(*), count(si.site_id) FILTER (WHERE si.quality <> 'MISSING'),
                   sum(si.export_wh) FILTER (WHERE EXISTS (
                       SELECT 1 FROM site_buyback b WHERE b.site_id = s.id AND b.status = 'SOTSU_FIT_OURS'
                       AND b.valid_from <= k.slot_date AND (b.valid_until IS NULL OR b.valid_until > k.slot_date))),
                   ?
            FROM k
            JOIN site s ON s.feeder_id = k.feeder_id AND s.valid_from <= k.slot_date
                       AND (s.valid_until IS NULL OR s.valid_until > k.slot_date)
            LEFT JOIN site_interval si ON si.site_id = s.id AND si.slot_start = k.slot_start
            GROUP BY k.feeder_id, k.slot_start, k.slot_date, k.slot_index
            ON CONFLICT (feeder_id, slot_start) DO UPDATE SET
                (%1$s, computed_at, revision) = (%2$s, EXCLUDED.computed_at, fi.revision + 1)
            WHERE (%3$s) IS DISTINCT FROM (%2$s)
            """.formatted(FEEDER_COLUMNS, prefixed("EXCLUDED.", FEEDER_COLUMNS), prefixed("fi.", FEEDER_COLUMNS));

    /** @return the rows inserted or changed, by quality */
    Map<IntervalQuality, Integer> writeSites(Connection c, List<SiteInterval> intervals, Instant computedAt) throws SQLException {
        Map<IntervalQuality, Integer> written = new EnumMap<>(IntervalQuality.class);
        if (intervals.isEmpty()) {
            return written;
        }
        int n = intervals.size();
        Object[][] columns = new Object[18][n];
        for (int i = 0; i < n; i++) {
            SiteInterval s = intervals.get(i);
            Object[] row = {s.key().site().value(), Timestamp.from(s.key().slot().start()), Date.valueOf(s.key().slot().date()),
                    s.key().slot().index(), wh(s.imported()), wh(s.exported()), wh(s.pv()), wh(s.batteryCharge()),
                    wh(s.batteryDischarge()), wh(s.evCharge()), wh(s.evDischarge()), w(s.averagePower()), w(s.peakImport()),
                    w(s.peakExport()), s.completeness().value(), s.quality().name(), s.source().name(), s.noteText()};
            for (int col = 0; col < row.length; col++) {
                columns[col][i] = row[col];
            }
        }
        String[] types = {"text", "timestamptz", "date", "int4", "int8", "int8", "int8", "int8", "int8", "int8", "int8", "int8",
                "int8", "int8", "numeric", "text", "text", "text"};
        try (PreparedStatement upsert = c.prepareStatement(UPSERT_SITES)) {
            upsert.setTimestamp(1, Timestamp.from(computedAt));
            for (int col = 0; col < columns.length; col++) {
                upsert.setArray(col + 2, c.createArrayOf(types[col], typed(types[col], columns[col])));
            }
            try (ResultSet rs = upsert.executeQuery()) {
                while (rs.next()) {
                    written.merge(IntervalQuality.valueOf(rs.getString(1)), 1, Integer::sum);
                }
            }
        }
        return written;
    }

    /** Recomputes the intervals of the feeders of these site-slots. @return feeder rows inserted or changed */
    int writeFeeders(Connection c, Collection<SiteSlot> siteSlots, Instant computedAt) throws SQLException {
        if (siteSlots.isEmpty()) {
            return 0;
        }
        int n = siteSlots.size();
        String[] sites = new String[n];
        Timestamp[] starts = new Timestamp[n];
        Date[] dates = new Date[n];
        Integer[] indexes = new Integer[n];
        int i = 0;
        for (SiteSlot key : siteSlots) {
            sites[i] = key.site().value();
            starts[i] = Timestamp.from(key.slot().start());
            dates[i] = Date.valueOf(key.slot().date());
            indexes[i] = key.slot().index();
            i++;
        }
        try (PreparedStatement upsert = c.prepareStatement(UPSERT_FEEDERS)) {
            upsert.setArray(1, c.createArrayOf("text", sites));
            upsert.setArray(2, c.createArrayOf("timestamptz", starts));
            upsert.setArray(3, c.createArrayOf("date", dates));
            upsert.setArray(4, c.createArrayOf("int4", indexes));
            upsert.setTimestamp(5, Timestamp.from(computedAt));
            return upsert.executeUpdate();
        }
    }

    private static Object[] typed(String type, Object[] values) {
        IntFunction<Object[]> array = switch (type) {
            case "text" -> String[]::new;
            case "timestamptz" -> Timestamp[]::new;
            case "date" -> Date[]::new;
            case "int4" -> Integer[]::new;
            case "int8" -> Long[]::new;
            case "numeric" -> BigDecimal[]::new;
            default -> throw new IllegalArgumentException(type);
        };
        Object[] copy = array.apply(values.length);
        System.arraycopy(values, 0, copy, 0, values.length);
        return copy;
    }

    private static Long wh(Optional<Energy> energy) {
        return energy.map(Energy::wattHours).orElse(null);
    }

    private static Long w(Optional<Power> power) {
        return power.map(Power::watts).orElse(null);
    }

    private static String prefixed(String prefix, String columns) {
        return String.join(", ", Arrays.stream(columns.split(", ")).map(col -> prefix + col).toList());
    }
}
