package org.aems.api.settlement;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.aems.api.settlement.ReconciliationViews.Kind;
import org.aems.api.settlement.ReconciliationViews.ReconciliationPage;
import org.aems.api.settlement.ReconciliationViews.SiteReconciliation;
import org.aems.api.settlement.ReconciliationViews.SlotDifference;
import org.aems.core.telemetry.TelemetryCodec;
import org.aems.core.time.Jst;
import org.aems.core.time.Slot;
import org.aems.ingest.store.StoreException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Component;

/**
 * Compares the gateway intervals (site_interval, provisional) with the current certified values per site and
 * slot over JST days, one page of registry sites at a time: each site's summary and the slots where the two
 * differ or only one has a value. Equal slots are only counted. Sites are named by id; supply point numbers
 * stay in the database.
 */
@Component
public class Reconciliation {

    static final int MAX_DAYS = 62;
    static final String[] CSV_HEADER = {"site_id", "slot", "slot_start", "kind", "gateway_import_wh", "gateway_export_wh",
            "gateway_quality", "gateway_source", "certified_import_wh", "certified_export_wh", "certified_batch_id",
            "import_difference_wh", "export_difference_wh"};

    private static final String SITES = """
            SELECT id FROM site WHERE id > ? AND (?::text IS NULL OR id = ?) AND valid_from < ?
              AND (valid_until IS NULL OR valid_until > ?) ORDER BY id LIMIT ?""";
    private static final String SLOTS = """
            WITH s AS (SELECT id, supply_point_number, valid_from, valid_until FROM site WHERE id = ANY (?)),
            g AS (SELECT i.site_id, i.slot_start, i.import_wh, i.export_wh, i.quality, i.source FROM site_interval i
                  WHERE i.site_id = ANY (?) AND i.slot_start >= ? AND i.slot_start < ? AND i.quality <> 'MISSING'),
            c AS (SELECT s.id AS site_id, c.slot_start, c.import_wh, c.export_wh, c.batch_id FROM certified_interval c
                  JOIN s ON s.supply_point_number = c.supply_point_number AND c.slot_date >= s.valid_from
                   AND (s.valid_until IS NULL OR c.slot_date < s.valid_until)
                  WHERE c.slot_start >= ? AND c.slot_start < ?)
            SELECT COALESCE(g.site_id, c.site_id), COALESCE(g.slot_start, c.slot_start), g.import_wh, g.export_wh,
                   c.import_wh, c.export_wh, g.quality, g.source, c.batch_id
            FROM g FULL JOIN c ON c.site_id = g.site_id AND c.slot_start = g.slot_start
            ORDER BY 1, 2""";

    private final DataSource dataSource;

    public Reconciliation(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Sites after the cursor (by id), at most {@code limit}; {@code until} exclusive. */
    public ReconciliationPage page(LocalDate from, LocalDate until, Optional<String> siteId, Optional<String> after, int limit) {
        checkDays(from, until);
        String afterSite = after.map(a -> Cursors.decode(a, 1, "after")[0]).orElse("");
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            List<String> ids = siteIds(c, from, until, siteId, afterSite, limit + 1);
            String next = ids.size() > limit ? Cursors.encode(ids.get(limit - 1)) : null;
            List<SiteReconciliation> sites = compare(c, ids.subList(0, Math.min(limit, ids.size())), from, until);
            c.commit();
            return new ReconciliationPage(from.toString(), until.toString(), sites, next);
        } catch (SQLException e) {
            throw new StoreException("reconciliation " + from + ".." + until + " failed: " + e.getMessage(), e);
        }
    }

    /** Every differing slot of the range as CSV (RFC 4180, UTF-8), a page of sites at a time. */
    public void csv(LocalDate from, LocalDate until, Optional<String> siteId, OutputStream out) throws IOException {
        checkDays(from, until);
        try (CSVPrinter csv = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
                CSVFormat.RFC4180.builder().setHeader(CSV_HEADER).get())) {
            Optional<String> after = Optional.empty();
            do {
                ReconciliationPage page = page(from, until, siteId, after, 500);
                for (SiteReconciliation site : page.sites()) {
                    for (SlotDifference d : site.slots()) {
                        csv.printRecord(site.siteId(), d.slot(), d.start(), d.kind(), d.gatewayImportWh(), d.gatewayExportWh(),
                                d.gatewayQuality(), d.gatewaySource(), d.certifiedImportWh(), d.certifiedExportWh(),
                                d.certifiedBatchId(), d.importDifferenceWh(), d.exportDifferenceWh());
                    }
                }
                after = Optional.ofNullable(page.next());
            } while (after.isPresent());
        }
    }

    private static void checkDays(LocalDate from, LocalDate until) {
        if (!until.isAfter(from) || from.plusDays(MAX_DAYS).isBefore(until)) {
            throw new IllegalArgumentException("'until' (exclusive) must be after 'from' and at most " + MAX_DAYS
                    + " days later, was " + from + " until " + until);
        }
    }

    private static List<String> siteIds(Connection c, LocalDate from, LocalDate until, Optional<String> siteId, String after,
                                        int limit) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(SITES)) {
            ps.setString(1, after);
            ps.setString(2, siteId.orElse(null));
            ps.setString(3, siteId.orElse(null));
            ps.setObject(4, until);
            ps.setObject(5, from);
            ps.setInt(6, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    private static List<SiteReconciliation> compare(Connection c, List<String> ids, LocalDate from, LocalDate until)
            throws SQLException {
        List<SiteReconciliation> result = new ArrayList<>();
        if (ids.isEmpty()) {
            return result;
        }
        Instant start = from.atStartOfDay(Jst.ZONE).toInstant();
        Instant end = until.atStartOfDay(Jst.ZONE).toInstant();
        Tally tally = null;
        try (PreparedStatement ps = c.prepareStatement(SLOTS)) {
            Array array = c.createArrayOf("text", ids.toArray());
            ps.setArray(1, array);
            ps.setArray(2, array);
            ps.setTimestamp(3, Timestamp.from(start));
            ps.setTimestamp(4, Timestamp.from(end));
            ps.setTimestamp(5, Timestamp.from(start));
            ps.setTimestamp(6, Timestamp.from(end));
            ps.setFetchSize(5_000);
            int nextId = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String site = rs.getString(1);
                    while (tally == null || !tally.site.equals(site)) {
                        if (tally != null) {
                            result.add(tally.result());
                        }
                        tally = new Tally(ids.get(nextId++)); // sites without any value get an empty summary
                    }
                    tally.add(rs.getTimestamp(2).toInstant(), value(rs, 3), value(rs, 4), value(rs, 5), value(rs, 6),
                            rs.getString(7), rs.getString(8), value(rs, 9));
                }
            }
            if (tally != null) {
                result.add(tally.result());
            }
            while (nextId < ids.size()) {
                result.add(new Tally(ids.get(nextId++)).result());
            }
        }
        return result;
    }

    private static Long value(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    /** One site's comparison being summed. */
    private static final class Tally {
        final String site;
        int compared;
        int differing;
        long importDifference;
        long exportDifference;
        int onlyGateway;
        int onlyCertified;
        final List<SlotDifference> slots = new ArrayList<>();

        Tally(String site) {
            this.site = site;
        }

        void add(Instant slotStart, Long gImport, Long gExport, Long cImport, Long cExport, String quality, String source,
                 Long batch) {
            boolean gateway = gExport != null || gImport != null;
            boolean certified = cExport != null;
            Slot slot = Slot.containing(slotStart);
            String start = TelemetryCodec.format(slotStart);
            if (gateway && certified) {
                compared++;
                long dImport = nz(gImport) - cImport;
                long dExport = nz(gExport) - cExport;
                importDifference += dImport;
                exportDifference += dExport;
                if (dImport != 0 || dExport != 0) {
                    differing++;
                    slots.add(new SlotDifference(slot.toString(), start, Kind.DIFFERENT, gImport, gExport, quality, source,
                            cImport, cExport, batch, dImport, dExport));
                }
            } else if (gateway) {
                onlyGateway++;
                slots.add(new SlotDifference(slot.toString(), start, Kind.ONLY_GATEWAY, gImport, gExport, quality, source, null,
                        null, null, null, null));
            } else {
                onlyCertified++;
                slots.add(new SlotDifference(slot.toString(), start, Kind.ONLY_CERTIFIED, null, null, null, null, cImport, cExport,
                        batch, null, null));
            }
        }

        private static long nz(Long v) {
            return v == null ? 0 : v;
        }

        SiteReconciliation result() {
            return new SiteReconciliation(site, compared, differing, importDifference, exportDifference, onlyGateway, onlyCertified,
                    List.copyOf(slots));
        }
    }
}
