package org.aems.api.settlement;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.aems.api.settlement.CertifiedCsv.Rejection;
import org.aems.api.settlement.CertifiedCsv.Value;
import org.aems.api.settlement.CertifiedImportReport.LineRejection;
import org.aems.core.telemetry.TelemetryCodec;
import org.aems.core.time.Jst;
import org.aems.ingest.store.StoreException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Imports a file of the transmission operator's certified 30-minute values (ADR 0014) in one transaction:
 * the body is streamed line by line into a temporary table with COPY (a day of 80,000 sites is 3.84 million
 * lines; memory holds the registry's supply point numbers and the rejections, not the lines), duplicates
 * within the file are found by the database, then every accepted value is appended to the history and the
 * current values are superseded where they changed. Bad lines are refused with their line number and reason;
 * the rest is stored. The same file twice (same SHA-256) is answered with the first import's report.
 */
@Component
public class CertifiedImport {

    static final int REJECTIONS_SHOWN = 1_000;
    /** Refused lines are kept in memory until stored (~250 bytes each): a file this bad is refused as a whole. */
    static final int MAX_REJECTIONS = 100_000;
    private static final Logger log = LoggerFactory.getLogger(CertifiedImport.class);
    /** One import at a time: batch ids then grow in commit order, so "the later batch wins" is well defined. */
    private static final long IMPORT_LOCK = 0x41454D5343455254L;
    private static final int FLUSH_CHARS = 1 << 20;

    private final DataSource dataSource;
    private final Clock clock;

    public CertifiedImport(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    public CertifiedImportReport importCsv(InputStream body, Optional<String> fileName, String importedBy) {
        if (importedBy == null || importedBy.isBlank()) {
            throw new IllegalArgumentException("an import of certified values needs the person who imports it");
        }
        Instant receivedAt = clock.instant();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                CertifiedImportReport report = importInTransaction(c, body, fileName, importedBy, receivedAt);
                if (report.alreadyImported()) {
                    c.rollback();
                } else {
                    c.commit();
                    log.info("certified values imported [batch: {}, lines: {}, accepted: {}, rejected: {}, superseding: {}]",
                            report.batchId(), report.lines(), report.accepted(), report.rejected(), report.superseding());
                }
                return report;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("import of certified values failed: " + e.getMessage(), e);
        }
    }

    private CertifiedImportReport importInTransaction(Connection c, InputStream body, Optional<String> fileName, String by,
                                                      Instant receivedAt) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            lock.setLong(1, IMPORT_LOCK);
            lock.execute();
        }
        Set<String> known = knownSupplyPoints(c);
        try (java.sql.Statement s = c.createStatement()) {
            s.execute("""
                    CREATE TEMP TABLE certified_staging (line integer NOT NULL, supply_point_number char(22) NOT NULL,
                        slot_start timestamptz NOT NULL, slot_date date NOT NULL, slot_index smallint NOT NULL,
                        import_wh bigint NOT NULL, export_wh bigint NOT NULL) ON COMMIT DROP""");
        }
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        List<LineRejection> rejections = new ArrayList<>();
        long t = System.nanoTime();
        int lines = stage(c, new DigestInputStream(body, sha256), known, rejections);
        t = step("staged", t);
        String digest = HexFormat.of().formatHex(sha256.digest());
        Optional<CertifiedImportReport> earlier = CertifiedBatches.byDigest(c, digest);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        rejections.addAll(removeDuplicates(c));
        t = step("duplicates", t);
        rejections.sort(Comparator.comparingLong(LineRejection::line));
        int[] counts = counts(c); // new, superseding, unchanged
        t = step("counts", t);
        long batchId;
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO certified_import_batch (file_name, format, imported_by, received_at, digest, lines, accepted, rejected,
                    new_values, superseding, unchanged) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")) {
            ps.setString(1, fileName.orElse(null));
            ps.setString(2, CertifiedCsv.FORMAT);
            ps.setString(3, by);
            ps.setTimestamp(4, Timestamp.from(receivedAt));
            ps.setString(5, digest);
            ps.setInt(6, lines);
            ps.setInt(7, lines - rejections.size());
            ps.setInt(8, rejections.size());
            ps.setInt(9, counts[0]);
            ps.setInt(10, counts[1]);
            ps.setInt(11, counts[2]);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                batchId = rs.getLong(1);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO certified_interval_history (supply_point_number, slot_start, slot_date, slot_index, import_wh,
                    export_wh, batch_id, line, received_at)
                SELECT supply_point_number, slot_start, slot_date, slot_index, import_wh, export_wh, ?, line, ? FROM certified_staging""")) {
            ps.setLong(1, batchId);
            ps.setTimestamp(2, Timestamp.from(receivedAt));
            ps.executeUpdate();
        }
        t = step("history", t);
        // The current value moves only when the value changed: an unchanged repeat keeps the batch that first said it.
        // (A plain INSERT … WHERE NOT EXISTS for the new values was tried: planned on a never-analysed table it scanned
        // the table it was filling, once per row.)
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO certified_interval (supply_point_number, slot_start, slot_date, slot_index, import_wh, export_wh,
                    batch_id, received_at)
                SELECT supply_point_number, slot_start, slot_date, slot_index, import_wh, export_wh, ?, ? FROM certified_staging
                ON CONFLICT (supply_point_number, slot_start) DO UPDATE SET import_wh = EXCLUDED.import_wh,
                    export_wh = EXCLUDED.export_wh, batch_id = EXCLUDED.batch_id, version = certified_interval.version + 1,
                    received_at = EXCLUDED.received_at
                WHERE (certified_interval.import_wh, certified_interval.export_wh)
                    IS DISTINCT FROM (EXCLUDED.import_wh, EXCLUDED.export_wh)""")) {
            ps.setLong(1, batchId);
            ps.setTimestamp(2, Timestamp.from(receivedAt));
            ps.executeUpdate();
        }
        t = step("current", t);
        storeRejections(c, batchId, rejections);
        return new CertifiedImportReport(batchId, fileName.orElse(null), CertifiedCsv.FORMAT, by, TelemetryCodec.format(receivedAt),
                digest, false, lines, lines - rejections.size(), rejections.size(), counts[0], counts[1], counts[2],
                List.copyOf(rejections.subList(0, Math.min(REJECTIONS_SHOWN, rejections.size()))),
                rejections.size() > REJECTIONS_SHOWN);
    }

    private static long step(String name, long since) {
        long now = System.nanoTime();
        log.debug("certified import step [step: {}, ms: {}]", name, (now - since) / 1_000_000);
        return now;
    }

    private static Set<String> knownSupplyPoints(Connection c) throws SQLException {
        Set<String> known = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT supply_point_number FROM site");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                known.add(rs.getString(1));
            }
        }
        return known;
    }

    /** Parses the file into the staging table; returns the number of data lines. */
    private static int stage(Connection c, InputStream in, Set<String> known, List<LineRejection> rejections) throws SQLException {
        CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY certified_staging (line, supply_point_number,"
                + " slot_start, slot_date, slot_index, import_wh, export_wh) FROM STDIN");
        StringBuilder buffer = new StringBuilder(FLUSH_CHARS + 256);
        Map<LocalDate, Instant> dayStarts = new HashMap<>();
        int lines = 0;
        // RFC 4180 keeps empty lines as records, so a record's number is its line in the file (header = line 1).
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.RFC4180.parse(reader)) {
            Iterator<CSVRecord> records = parser.iterator();
            checkHeader(records);
            while (records.hasNext()) {
                CSVRecord record = records.next();
                lines++;
                CertifiedCsv.Parsed parsed = CertifiedCsv.parse(record.getRecordNumber(), record.toList(), known::contains);
                if (parsed instanceof Rejection r) {
                    rejections.add(new LineRejection(r.line(), r.reason().name(), r.detail()));
                    if (rejections.size() > MAX_REJECTIONS) {
                        LineRejection first = rejections.get(0);
                        throw new CertifiedFileException("more than " + MAX_REJECTIONS + " lines refused (the first: line "
                                + first.line() + ", " + first.reason() + ": " + first.detail() + "); the file is wrong as a whole"
                                + " (columns swapped, another format?) and nothing was stored");
                    }
                    continue;
                }
                Value v = (Value) parsed;
                Instant dayStart = dayStarts.computeIfAbsent(v.slot().date(), d -> d.atStartOfDay(Jst.ZONE).toInstant());
                buffer.append(v.line()).append('\t').append(v.supplyPoint().value()).append('\t')
                        .append(dayStart.plusSeconds(1800L * (v.slot().index() - 1))).append('\t')
                        .append(v.slot().date()).append('\t').append(v.slot().index()).append('\t')
                        .append(v.importWh()).append('\t').append(v.exportWh()).append('\n');
                if (buffer.length() >= FLUSH_CHARS) {
                    flush(copy, buffer);
                }
            }
            flush(copy, buffer);
            copy.endCopy();
            try (java.sql.Statement s = c.createStatement()) {
                s.execute("ANALYZE certified_staging"); // temporary tables are never analysed automatically
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
            throw new CertifiedFileException("the file is not readable CSV after line " + (lines + 1) + ": " + e.getMessage()
                    + "; nothing was stored");
        } catch (CertifiedFileException e) {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
            throw e;
        }
        return lines;
    }

    private static void checkHeader(Iterator<CSVRecord> records) {
        String expected = String.join(",", CertifiedCsv.HEADER);
        if (!records.hasNext()) {
            throw new CertifiedFileException("the file is empty; it must start with the header line " + expected);
        }
        List<String> header = new ArrayList<>(records.next().toList());
        if (!header.isEmpty() && header.get(0).startsWith("\uFEFF")) {
            header.set(0, header.get(0).substring(1)); // a byte-order mark some spreadsheet tools write
        }
        if (!header.stream().map(String::trim).toList().equals(CertifiedCsv.HEADER)) {
            throw new CertifiedFileException("line 1 must be the header " + expected + " (format " + CertifiedCsv.FORMAT
                    + ", see docs/settlement.md), was " + String.join(",", header) + "; nothing was stored");
        }
    }

    private static void flush(CopyIn copy, StringBuilder buffer) throws SQLException {
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        buffer.setLength(0);
    }

    /** Second and later lines for the same supply point and slot are refused; the first is kept. */
    private static List<LineRejection> removeDuplicates(Connection c) throws SQLException {
        List<LineRejection> duplicates = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                DELETE FROM certified_staging s USING (SELECT line, min(line) OVER (PARTITION BY supply_point_number, slot_start)
                    AS first FROM certified_staging) d
                WHERE s.line = d.line AND d.line <> d.first RETURNING s.line, d.first, s.slot_date, s.slot_index""");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                duplicates.add(new LineRejection(rs.getInt(1), CertifiedCsv.Reason.DUPLICATE_LINE.name(), "same supply point and slot ("
                        + rs.getObject(3, LocalDate.class) + "#" + rs.getInt(4) + ") as line " + rs.getInt(2)
                        + ", which is kept; send a correction as a new file"));
            }
        }
        return duplicates;
    }

    private static int[] counts(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT count(*) FILTER (WHERE c.supply_point_number IS NULL),
                       count(*) FILTER (WHERE (c.import_wh, c.export_wh) <> (s.import_wh, s.export_wh)),
                       count(*) FILTER (WHERE (c.import_wh, c.export_wh) = (s.import_wh, s.export_wh))
                FROM certified_staging s LEFT JOIN certified_interval c
                  ON c.supply_point_number = s.supply_point_number AND c.slot_start = s.slot_start
                 -- the file's slot range: never a join with years of current values
                 AND c.slot_start BETWEEN (SELECT min(slot_start) FROM certified_staging)
                                      AND (SELECT max(slot_start) FROM certified_staging)""");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new int[] {rs.getInt(1), rs.getInt(2), rs.getInt(3)};
        }
    }

    private static void storeRejections(Connection c, long batchId, List<LineRejection> rejections) throws SQLException {
        if (rejections.isEmpty()) {
            return;
        }
        CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY certified_import_rejection (batch_id, line, reason, detail) FROM STDIN");
        StringBuilder buffer = new StringBuilder();
        for (LineRejection r : rejections) {
            buffer.append(batchId).append('\t').append(r.line()).append('\t').append(r.reason()).append('\t');
            StatementCopy.text(buffer, r.detail()).append('\n');
            if (buffer.length() >= FLUSH_CHARS) {
                flush(copy, buffer);
            }
        }
        flush(copy, buffer);
        copy.endCopy();
    }
}
