package org.aems.api.settlement;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.aems.core.settlement.LineDigest;
import org.aems.core.settlement.PurchaseStatement;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Writes a run's statements with one COPY (text format): ~80,000 rows per run, which row-by-row
 * INSERTs made the slowest part of a run.
 */
final class StatementCopy implements AutoCloseable {

    private static final String SQL = "COPY settlement_statement (run_id, site_id, segment_from, segment_until, contract_id,"
            + " contract_version, tax_treatment, energy_wh, amount, amount_truncated, tax, amount_excluding_tax, payment,"
            + " measured_slots, estimated_slots, missing_slots, max_interval_revision, line_digest, certified_slots, metrology_class) FROM STDIN";
    private static final int FLUSH_CHARS = 1 << 20;

    private final CopyIn copy;
    private final long runId;
    private final StringBuilder buffer = new StringBuilder(FLUSH_CHARS + 4096);

    StatementCopy(Connection c, long runId) throws SQLException {
        this.copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn(SQL);
        this.runId = runId;
    }

    /** Adds one site's statements; {@code maxRevision[i]} 0 means no interval rows (NULL). */
    void add(List<PurchaseStatement> statements, SiteSettlement site) throws SQLException {
        for (int i = 0; i < statements.size(); i++) {
            PurchaseStatement s = statements.get(i);
            int revision = site.maxRevision(i);
            StringBuilder b = buffer;
            b.append(runId).append('\t');
            text(b, s.site().value()).append('\t');
            b.append(s.from()).append('\t').append(s.until()).append('\t');
            text(b, s.contract().value()).append('\t');
            b.append(s.contractVersion()).append('\t').append(s.taxTreatment().name()).append('\t');
            b.append(s.energy().wattHours()).append('\t');
            b.append(plain(s.amount().amount())).append('\t').append(plain(s.amountTruncated().amount())).append('\t');
            b.append(plain(s.tax().amount())).append('\t').append(plain(s.amountExcludingTax().amount())).append('\t');
            b.append(plain(s.payment().amount())).append('\t');
            b.append(s.quality().measured()).append('\t').append(s.quality().estimated()).append('\t')
                    .append(s.quality().missing()).append('\t');
            b.append(revision == 0 ? "\\N" : String.valueOf(revision)).append('\t');
            b.append(LineDigest.format(s.lineDigest())).append('\t');
            b.append(s.quality().certified()).append('\t');
            b.append(site.metrologyClass(i) == null ? "\\N" : site.metrologyClass(i).name()).append('\n');
            if (b.length() >= FLUSH_CHARS) {
                flush();
            }
        }
    }

    long finish() throws SQLException {
        flush();
        return copy.endCopy();
    }

    @Override
    public void close() throws SQLException {
        if (copy.isActive()) {
            copy.cancelCopy();
        }
    }

    private void flush() throws SQLException {
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        buffer.setLength(0);
    }

    private static String plain(BigDecimal value) {
        return value.toPlainString();
    }

    /** COPY text format: backslash, tab, newline and carriage return escaped. */
    static StringBuilder text(StringBuilder b, String value) {
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '\\' -> b.append("\\\\");
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                default -> b.append(ch);
            }
        }
        return b;
    }
}
