package org.aems.api.settlement;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.aems.api.settlement.SettlementViews.Run;
import org.aems.api.settlement.SupplyBillViews.Line;
import org.aems.api.settlement.SupplyBillViews.SupplyBill;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonGenerator;

/**
 * Writes the supply bills of a FINAL run as CSV (one row per bill, one column per line) or JSON, in the
 * charsets of the statement export ({@link RunExport}). Facilities are few, so the bills are read at once.
 */
@Component
public class SupplyBillExport {

    static final String[] CSV_HEADER = {"run_id", "run_version", "month", "site_id", "site_name", "supply_point_number",
            "contract_id", "contract_version", "voltage", "tax_treatment", "energy_kwh", "charged_kw", "month_peak_kw",
            "demand_kw", "demand_set_in", "basic_charge", "power_factor_adjustment", "energy_charge", "fuel_cost_adjustment",
            "renewable_surcharge", "amount_full_precision", "amount_truncated_yen", "tax_rate_percent", "tax_yen",
            "amount_excluding_tax_yen", "total_yen", "measured_slots", "estimated_slots", "missing_slots", "complete",
            "invoice_registration_number", "invoice_issuer", "issued_on", "line_digest", "demand_history_gaps", "certified_slots",
            "gateway_slots", "metrology_class", "provisional"};

    private final SupplyBillStore bills;

    public SupplyBillExport(SupplyBillStore bills) {
        this.bills = bills;
    }

    public void csv(Run run, Charset charset, OutputStream out) throws IOException {
        CharsetEncoder encoder = charset.newEncoder().onMalformedInput(CodingErrorAction.REPORT);
        if (!charset.equals(StandardCharsets.UTF_8)) {
            encoder.onUnmappableCharacter(CodingErrorAction.REPLACE).replaceWith("〓".getBytes(charset));
        }
        Writer writer = new OutputStreamWriter(out, encoder);
        try (CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(CSV_HEADER).get())) {
            for (SupplyBillStore.Exported e : bills.all(run.id())) {
                SupplyBill b = e.bill();
                Map<String, String> amounts = b.lines().stream().collect(Collectors.toMap(Line::kind, Line::amount));
                Function<String, String> line = kind -> amounts.getOrDefault(kind, "");
                csv.printRecord(run.id(), run.version(), b.month(), b.siteId(), e.siteName(), e.supplyPoint(), b.contractId(),
                        b.contractVersion(), b.voltage(), b.taxTreatment(), BigDecimal.valueOf(b.energyWh(), 3).toPlainString(),
                        b.chargedKw(), b.monthPeakKw(), b.demandKw(), b.demandSetIn(), line.apply("BASIC_CHARGE"),
                        line.apply("POWER_FACTOR_ADJUSTMENT"), line.apply("ENERGY_CHARGE"), line.apply("FUEL_COST_ADJUSTMENT"),
                        line.apply("RENEWABLE_SURCHARGE"), b.amount(), b.amountTruncated(), b.invoice().taxRatePercent(), b.tax(),
                        b.amountExcludingTax(), b.total(), b.measuredSlots(), b.estimatedSlots(), b.missingSlots(), b.complete(),
                        b.invoice().registrationNumber(), b.invoice().issuer(), b.invoice().issuedOn(), b.lineDigest(),
                        b.demandHistoryGaps().stream().map(g -> g.month() + "=" + g.missingSlots()).collect(Collectors.joining(";")),
                        b.certifiedSlots(), b.gatewaySlots(), b.metrologyClass(), b.provisional());
            }
        }
    }

    public void json(Run run, OutputStream out) {
        List<SupplyBillStore.Exported> all = bills.all(run.id());
        try (JsonGenerator g = TariffJson.JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeName("run");
            g.writePOJO(run);
            g.writeName("supplyBills");
            g.writeStartArray();
            for (SupplyBillStore.Exported e : all) {
                g.writePOJO(e.bill());
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }
}
