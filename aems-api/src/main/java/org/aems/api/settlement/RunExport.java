package org.aems.api.settlement;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.aems.api.settlement.SettlementViews.Run;
import org.aems.api.settlement.SettlementViews.Statement;
import org.aems.ingest.store.StoreException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonGenerator;

/**
 * Streams every statement of a FINAL run as CSV or JSON straight from a database cursor: the export of
 * 80,000 statements never sits in memory. CSV is UTF-8 unless the client asks for Shift_JIS (or
 * Windows-31J) for a legacy billing system; a character Shift_JIS cannot encode (e.g. 髙 in a site name)
 * becomes 〓 (U+3013, the customary substitute), never a silent '?'.
 */
@Component
public class RunExport {

    static final String[] CSV_HEADER = {"run_id", "run_version", "period_from", "period_until_exclusive", "site_id", "site_name",
            "supply_point_number", "from", "until_exclusive", "contract_id", "contract_version", "tax_treatment", "energy_kwh",
            "amount_full_precision", "amount_truncated_yen", "tax_yen", "amount_excluding_tax_yen", "payment_yen",
            "measured_slots", "estimated_slots", "missing_slots", "complete", "line_digest", "certified_slots", "gateway_slots",
            "metrology_class", "provisional"};

    private final DataSource dataSource;
    private final RunStore runs;

    public RunExport(DataSource dataSource, RunStore runs) {
        this.dataSource = dataSource;
        this.runs = runs;
    }

    /** The run, if it may be exported: FINAL only, since a DRAFT may still be superseded. */
    public Run exportable(long runId) {
        Run run = runs.run(runId);
        if (!run.status().equals("FINAL")) {
            throw new RunStateException(409, "RUN_NOT_FINAL", "settlement run " + runId
                    + " is a DRAFT; only FINAL runs are exported (see its statements for a preview)");
        }
        return run;
    }

    /** UTF-8, Shift_JIS or Windows-31J, by name (case-insensitive); anything else is refused. */
    public static Charset charset(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        if (n.equals("utf-8") || n.equals("utf8")) {
            return StandardCharsets.UTF_8;
        }
        if (n.equals("shift_jis") || n.equals("shift-jis") || n.equals("sjis")) {
            return Charset.forName("Shift_JIS");
        }
        if (n.equals("windows-31j") || n.equals("ms932") || n.equals("cp932")) {
            return Charset.forName("windows-31j");
        }
        throw new IllegalArgumentException("parameter 'charset' must be UTF-8, Shift_JIS or windows-31j, was '" + name + "'");
    }

    public void csv(Run run, Charset charset, OutputStream out) throws IOException {
        CharsetEncoder encoder = charset.newEncoder().onMalformedInput(CodingErrorAction.REPORT);
        if (!charset.equals(StandardCharsets.UTF_8)) {
            encoder.onUnmappableCharacter(CodingErrorAction.REPLACE).replaceWith("〓".getBytes(charset));
        }
        Writer writer = new OutputStreamWriter(out, encoder);
        try (CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(CSV_HEADER).get())) {
            stream(run.id(), (statement, name, supplyPoint) -> {
                try {
                    csv.printRecord(run.id(), run.version(), run.periodFrom(), run.periodUntil(), statement.siteId(), name,
                            supplyPoint, statement.from(), statement.until(), statement.contractId(), statement.contractVersion(),
                            statement.taxTreatment(), java.math.BigDecimal.valueOf(statement.energyWh(), 3).toPlainString(),
                            statement.amount(), statement.amountTruncated(), statement.tax(), statement.amountExcludingTax(),
                            statement.payment(), statement.measuredSlots(), statement.estimatedSlots(), statement.missingSlots(),
                            statement.complete(), statement.lineDigest(), statement.certifiedSlots(), statement.gatewaySlots(),
                            statement.metrologyClass(), statement.provisional());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    public void json(Run run, OutputStream out) {
        try (JsonGenerator g = TariffJson.JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeName("run");
            g.writePOJO(run);
            g.writeName("statements");
            g.writeStartArray();
            stream(run.id(), (statement, name, supplyPoint) -> g.writePOJO(statement));
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private interface Sink {
        void accept(Statement statement, String siteName, String supplyPoint);
    }

    private void stream(long runId, Sink sink) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("SELECT " + RunStore.STATEMENT_COLUMNS
                    + ", site.name, site.supply_point_number FROM settlement_statement s LEFT JOIN site ON site.id = s.site_id"
                    + " WHERE s.run_id = ? ORDER BY s.site_id, s.segment_from")) {
                ps.setFetchSize(5_000);
                ps.setLong(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(RunStore.statement(rs, 1), rs.getString(21), rs.getString(22));
                    }
                }
            }
            c.commit();
        } catch (SQLException e) {
            throw new StoreException("exporting settlement run " + runId + " failed: " + e.getMessage(), e);
        }
    }
}
