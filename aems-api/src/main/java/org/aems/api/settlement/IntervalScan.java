package org.aems.api.settlement;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.aems.core.grid.SiteId;
import org.aems.core.settlement.IntervalQuality;
import org.aems.core.time.Slot;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

/**
 * Streams {@code site_interval} rows one at a time (COPY for a whole period, a cursor for one site; both
 * need a connection with auto-commit off), so a month of 80,000 sites never sits in memory.
 */
final class IntervalScan {

    /** One interval as settlement needs it; {@code exportWh} is -1 when the interval has no value (MISSING). */
    record Row(String siteId, Slot slot, long exportWh, IntervalQuality quality, int revision) {
    }

    interface RowHandler {
        void accept(Row row);
    }

    /** One interval of a whole-period scan; {@code site} is the index the run gave the site, -1 for none. */
    interface SiteSlotHandler {
        void accept(int site, Slot slot, long exportWh, IntervalQuality quality, int revision);
    }

    /** One current certified value of a whole-period scan; {@code site} as in {@link SiteSlotHandler}. */
    interface CertifiedHandler {
        void accept(int site, Slot slot, long exportWh, long batchId);
    }

    /** One certified value of one site. */
    interface CertifiedRowHandler {
        void accept(Slot slot, long exportWh, long batchId);
    }

    /**
     * The site in force on the value's JST day at its supply point: the registry maps supply points to sites
     * by validity (a move-in/out gives the same supply point a new site from that day).
     */
    private static final String CERTIFIED_SITE_JOIN = " JOIN site s ON s.supply_point_number = c.supply_point_number"
            + " AND c.slot_date >= s.valid_from AND (s.valid_until IS NULL OR c.slot_date < s.valid_until)";

    private IntervalScan() {
    }

    /**
     * Every current certified value with slot_start in [from, to) whose supply point has a site in force, through
     * COPY like {@link #all}; {@code site} is -1 for sites the run does not settle.
     */
    static void certified(Connection c, String siteIndex, Instant from, Instant to, CertifiedHandler handler) throws SQLException {
        String sql = "COPY (SELECT k.n, c.slot_date - DATE '1970-01-01', c.slot_index, c.export_wh, c.batch_id"
                + " FROM certified_interval c" + CERTIFIED_SITE_JOIN + " LEFT JOIN " + siteIndex + " k ON k.site_id = s.id"
                + " WHERE c.slot_start >= '" + from + "' AND c.slot_start < '" + to + "') TO STDOUT";
        Days days = new Days(Slot.containing(from).date().toEpochDay());
        eachCopyLine(c, sql, line -> {
            int t1 = indexOf(line, 0);
            int t2 = indexOf(line, t1 + 1);
            int t3 = indexOf(line, t2 + 1);
            int t4 = indexOf(line, t3 + 1);
            int end = line[line.length - 1] == '\n' ? line.length - 1 : line.length;
            handler.accept(line[0] == '\\' ? -1 : (int) number(line, 0, t1), Slot.of(days.of((int) number(line, t1 + 1, t2)),
                    (int) number(line, t2 + 1, t3)), number(line, t3 + 1, t4), number(line, t4 + 1, end));
        });
    }

    /**
     * The certified values of the sites in a {@code text[]} parameter with slot_start in [from, to) (two more
     * parameters), as {@code seen}: the current ones, or per slot the value of the newest import batch the snapshot
     * could see (every batch's values are in certified_interval_history). Columns: site_id, slot_date, slot_index,
     * slot_start, import_wh, export_wh, batch_id. A SELECT to nest; the sites are filtered inside it, so a snapshot
     * read never sorts other sites' history.
     */
    static String certifiedOfSites(IntervalsSeen seen) {
        String columns = "s.id AS site_id, c.slot_date, c.slot_index, c.slot_start, c.import_wh, c.export_wh, c.batch_id";
        String range = " WHERE s.id = ANY (?) AND c.slot_start >= ? AND c.slot_start < ?";
        return seen.snapshot().map(snapshot -> "SELECT DISTINCT ON (s.id, c.slot_start) " + columns
                + " FROM certified_interval_history c" + CERTIFIED_SITE_JOIN + " JOIN certified_import_batch b ON b.id = c.batch_id"
                + range + " AND (b.written_by IS NULL OR pg_visible_in_snapshot(b.written_by, '" + snapshot + "'::pg_snapshot))"
                + " ORDER BY s.id, c.slot_start, c.batch_id DESC")
                .orElse("SELECT " + columns + " FROM certified_interval c" + CERTIFIED_SITE_JOIN + range);
    }

    /** One site's certified values in [from, to) as {@code seen} ({@link #certifiedOfSites}), in slot order. */
    static void certifiedSite(Connection c, IntervalsSeen seen, SiteId site, Instant from, Instant to, CertifiedRowHandler handler)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT slot_date, slot_index, export_wh, batch_id FROM ("
                + certifiedOfSites(seen) + ") c ORDER BY slot_start")) {
            ps.setFetchSize(2_000);
            ps.setArray(1, c.createArrayOf("text", new Object[] {site.value()}));
            ps.setTimestamp(2, Timestamp.from(from));
            ps.setTimestamp(3, Timestamp.from(to));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    handler.accept(Slot.of(rs.getObject(1, LocalDate.class), rs.getInt(2)), rs.getLong(3), rs.getLong(4));
                }
            }
        }
    }

    /**
     * Every interval with slot_start in [from, to), in no particular order, through {@code COPY ... TO STDOUT}:
     * the server streams while the client computes, where a cursor would make each wait for the other at
     * every fetch. Memory stays bounded (one row at a time). Sites are numbered by the run in the temporary
     * table {@code siteIndex} (site_id, n): the server joins, so no site id is decoded or hashed per row.
     */
    static void all(Connection c, String siteIndex, Instant from, Instant to, SiteSlotHandler handler) throws SQLException {
        // Instants print as ISO-8601 UTC and the table name is ours: safe to inline, COPY takes no parameters.
        String sql = "COPY (SELECT k.n, i.slot_date - DATE '1970-01-01', i.slot_index, i.export_wh, i.quality, i.revision"
                + " FROM site_interval i LEFT JOIN " + siteIndex + " k ON k.site_id = i.site_id"
                + " WHERE i.slot_start >= '" + from + "' AND i.slot_start < '" + to + "') TO STDOUT";
        Days days = new Days(Slot.containing(from).date().toEpochDay());
        eachCopyLine(c, sql, line -> parse(line, days, handler));
    }

    /**
     * Runs {@code COPY ... TO STDOUT} and hands each text line on. A COPY cancelled half-way left pgjdbc's connection
     * unusable (measured): when the handler fails (e.g. a missing price) the rest is read and dropped, and the failure
     * thrown once the COPY is done.
     */
    private static void eachCopyLine(Connection c, String sql, java.util.function.Consumer<byte[]> handler) throws SQLException {
        CopyOut copy = c.unwrap(PGConnection.class).getCopyAPI().copyOut(sql);
        RuntimeException failure = null;
        byte[] line;
        while ((line = copy.readFromCopy()) != null) {
            if (failure == null) {
                try {
                    handler.accept(line);
                } catch (RuntimeException e) {
                    failure = e;
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** One COPY text line, tab-separated: n (\N: no contract), epoch day, slot index, export (\N: NULL), quality, revision. */
    private static void parse(byte[] line, Days days, SiteSlotHandler handler) {
        int t1 = indexOf(line, 0);
        int t2 = indexOf(line, t1 + 1);
        int t3 = indexOf(line, t2 + 1);
        int t4 = indexOf(line, t3 + 1);
        int t5 = indexOf(line, t4 + 1);
        int site = line[0] == '\\' ? -1 : (int) number(line, 0, t1);
        LocalDate day = days.of((int) number(line, t1 + 1, t2));
        int index = (int) number(line, t2 + 1, t3);
        long export = line[t3 + 1] == '\\' ? -1 : number(line, t3 + 1, t4);
        IntervalQuality quality = line[t4 + 1] == 'E' ? IntervalQuality.ESTIMATED
                : line[t4 + 2] == 'E' ? IntervalQuality.MEASURED : IntervalQuality.MISSING;
        int end = line[line.length - 1] == '\n' ? line.length - 1 : line.length;
        int revision = (int) number(line, t5 + 1, end);
        handler.accept(site, Slot.of(day, index), export, quality, revision);
    }

    private static int indexOf(byte[] line, int from) {
        for (int i = from; i < line.length; i++) {
            if (line[i] == '\t') {
                return i;
            }
        }
        throw new IllegalStateException("malformed COPY line from site_interval: " + new String(line, java.nio.charset.StandardCharsets.UTF_8));
    }

    private static long number(byte[] line, int from, int to) {
        boolean negative = line[from] == '-';
        long n = 0;
        for (int i = negative ? from + 1 : from; i < to; i++) {
            n = n * 10 + (line[i] - '0');
        }
        return negative ? -n : n;
    }

    /** One LocalDate per JST day of the period, not one per row. */
    private static final class Days {
        private final long first;
        private final LocalDate[] cache = new LocalDate[64];

        Days(long first) {
            this.first = first;
        }

        LocalDate of(int epochDay) {
            long offset = epochDay - first;
            if (offset < 0 || offset >= cache.length) {
                return LocalDate.ofEpochDay(epochDay);
            }
            LocalDate day = cache[(int) offset];
            if (day == null) {
                day = LocalDate.ofEpochDay(epochDay);
                cache[(int) offset] = day;
            }
            return day;
        }
    }

    /** One site's intervals in [from, to) as {@code seen}, in slot order, through a cursor. */
    static void site(Connection c, IntervalsSeen seen, SiteId site, Instant from, Instant to, RowHandler handler) throws SQLException {
        scan(c, seen, from, to, Optional.of(site), 2_000, handler);
    }

    private static void scan(Connection c, IntervalsSeen seen, Instant from, Instant to, Optional<SiteId> site, int fetchSize,
                             RowHandler handler) throws SQLException {
        // The day as a number, not a date: one LocalDate per day instead of a parse per row.
        String sql = "SELECT site_id, slot_date - DATE '1970-01-01', slot_index, export_wh, quality, revision FROM " + seen.table()
                + " WHERE slot_start >= ? AND slot_start < ?" + (site.isPresent() ? " AND site_id = ? ORDER BY slot_start" : "");
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setFetchSize(fetchSize);
            ps.setTimestamp(1, Timestamp.from(from));
            ps.setTimestamp(2, Timestamp.from(to));
            if (site.isPresent()) {
                ps.setString(3, site.get().value());
            }
            long firstDay = Slot.containing(from).date().toEpochDay();
            LocalDate[] days = new LocalDate[64];
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int epochDay = rs.getInt(2);
                    int offset = (int) (epochDay - firstDay);
                    LocalDate day = offset >= 0 && offset < days.length ? days[offset] : null;
                    if (day == null) {
                        day = LocalDate.ofEpochDay(epochDay);
                        if (offset >= 0 && offset < days.length) {
                            days[offset] = day;
                        }
                    }
                    long export = rs.getLong(4);
                    if (rs.wasNull()) {
                        export = -1;
                    }
                    handler.accept(new Row(rs.getString(1), Slot.of(day, rs.getInt(3)), export,
                            IntervalQuality.valueOf(rs.getString(5)), rs.getInt(6)));
                }
            }
        }
    }
}
