package org.aems.api.settlement;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.aems.api.settlement.CertifiedImportReport.LineRejection;
import org.aems.core.telemetry.TelemetryCodec;
import org.aems.ingest.store.StoreException;
import org.springframework.stereotype.Component;

/** Reads stored certified import batches: their reports and refused lines. */
@Component
public class CertifiedBatches {

    private final DataSource dataSource;

    public CertifiedBatches(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The report of stored batch {@code id}, with its rejections after line {@code afterLine} in line order (at most
     * {@link CertifiedImport#REJECTIONS_SHOWN}; {@code rejectionsTruncated} says more follow); empty when there is no such batch.
     */
    public Optional<CertifiedImportReport> batch(long id, long afterLine) {
        try (Connection c = dataSource.getConnection()) {
            return report(c, "id = ?", ps -> ps.setLong(1, id), false, afterLine);
        } catch (SQLException e) {
            throw new StoreException("reading certified import batch " + id + " failed: " + e.getMessage(), e);
        }
    }

    /** The report of an earlier import of the same file, if any. */
    static Optional<CertifiedImportReport> byDigest(Connection c, String digest) throws SQLException {
        return report(c, "digest = ?", ps -> ps.setString(1, digest), true, 0);
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private static Optional<CertifiedImportReport> report(Connection c, String where, Binder binder, boolean alreadyImported,
                                                          long afterLine) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT id, file_name, format, imported_by, received_at, lines, accepted, rejected, new_values, superseding, unchanged,
                digest FROM certified_import_batch WHERE""" + " " + where)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long id = rs.getLong(1);
                List<LineRejection> rejections = new ArrayList<>();
                try (PreparedStatement r = c.prepareStatement("SELECT line, reason, detail FROM certified_import_rejection"
                        + " WHERE batch_id = ? AND line > ? ORDER BY line LIMIT ?")) {
                    r.setLong(1, id);
                    r.setLong(2, afterLine);
                    r.setInt(3, CertifiedImport.REJECTIONS_SHOWN + 1);
                    try (ResultSet rr = r.executeQuery()) {
                        while (rr.next()) {
                            rejections.add(new LineRejection(rr.getInt(1), rr.getString(2), rr.getString(3)));
                        }
                    }
                }
                boolean more = rejections.size() > CertifiedImport.REJECTIONS_SHOWN;
                return Optional.of(new CertifiedImportReport(id, rs.getString(2), rs.getString(3), rs.getString(4),
                        TelemetryCodec.format(rs.getTimestamp(5).toInstant()), rs.getString(12).trim(), alreadyImported, rs.getInt(6),
                        rs.getInt(7), rs.getInt(8), rs.getInt(9), rs.getInt(10), rs.getInt(11),
                        List.copyOf(rejections.subList(0, Math.min(CertifiedImport.REJECTIONS_SHOWN, rejections.size()))), more));
            }
        }
    }
}
