package org.aems.api.settlement;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.aems.api.settlement.SupplyBillViews.DemandHistoryGap;
import org.aems.api.settlement.SupplyBillViews.Invoice;
import org.aems.api.settlement.SupplyBillViews.Line;
import org.aems.api.settlement.SupplyBillViews.SupplyBill;
import org.aems.api.settlement.SupplyBillViews.SupplyBillPage;
import org.aems.core.settlement.LineDigest;
import org.aems.core.settlement.supply.SupplyChargeKind;
import org.aems.core.unit.Yen;
import org.springframework.stereotype.Component;

/** Reads the stored supply bills of a run ({@code supply_bill}, V23). */
@Component
public class SupplyBillStore {

    static final String COLUMNS = """
            b.run_id, b.site_id, b.month, b.contract_id, b.contract_version, b.voltage, b.tax_treatment, b.energy_wh,
            b.charged_kw, b.month_peak_kw, b.demand_kw, b.demand_set_in, b.fuel_cost_adjustment, b.fuel_cost_series,
            b.fuel_cost_version, b.renewable_surcharge, b.lines::text, b.amount, b.amount_truncated, b.tax,
            b.amount_excluding_tax, b.total, b.measured_slots, b.estimated_slots, b.missing_slots, b.max_interval_revision,
            b.line_digest, b.invoice_registration, b.invoice_issuer, b.issued_on, b.tax_rate_percent, b.demand_history_gaps::text,
            b.certified_slots, b.metrology_class""";
    static final int COLUMN_COUNT = COLUMNS.split(",").length;

    private final RunStore runs;

    public SupplyBillStore(RunStore runs) {
        this.runs = runs;
    }

    /** Bills of a run ordered by site, from after the cursor. */
    public SupplyBillPage page(long runId, Optional<String> after, int limit) {
        runs.run(runId);
        String from = after.map(a -> Cursors.decode(a, 1, "after")[0]).orElse("");
        List<SupplyBill> page = runs.query("SELECT " + COLUMNS + " FROM supply_bill b WHERE b.run_id = ? AND b.site_id > ?"
                + " ORDER BY b.site_id, b.month LIMIT ?", ps -> {
            ps.setLong(1, runId);
            ps.setString(2, from);
            ps.setInt(3, limit + 1);
        }, rs -> bill(rs, 1));
        String next = page.size() > limit ? Cursors.encode(page.get(limit - 1).siteId()) : null;
        return new SupplyBillPage(runId, page.subList(0, Math.min(limit, page.size())), next);
    }

    /** The bills of one facility in a run; empty when it has none. */
    public List<SupplyBill> ofSite(long runId, String siteId) {
        return runs.query("SELECT " + COLUMNS + " FROM supply_bill b WHERE b.run_id = ? AND b.site_id = ? ORDER BY b.month", ps -> {
            ps.setLong(1, runId);
            ps.setString(2, siteId);
        }, rs -> bill(rs, 1));
    }

    /** Every bill of a run with the facility's name and supply point number, for the export. */
    List<Exported> all(long runId) {
        return runs.query("SELECT " + COLUMNS + ", site.name, site.supply_point_number FROM supply_bill b"
                + " LEFT JOIN site ON site.id = b.site_id WHERE b.run_id = ? ORDER BY b.site_id, b.month",
                ps -> ps.setLong(1, runId), rs -> new Exported(bill(rs, 1), rs.getString(COLUMN_COUNT + 1), rs.getString(COLUMN_COUNT + 2)));
    }

    record Exported(SupplyBill bill, String siteName, String supplyPoint) {
    }

    /**
     * The view of a bill computed again, to compare with {@code stored}: what a recompute cannot know (the
     * fuel-cost series version, the highest interval revision read, the meter's metrology class) is taken from
     * {@code stored}.
     */
    static SupplyBill view(long runId, org.aems.core.settlement.supply.SupplyBill b, SupplyBill stored) {
        List<Line> lines = b.lines().stream().map(l -> new Line(l.kind().name(), l.quantity().toPlainString(), l.unit(),
                l.unitPrice() == null ? null : l.unitPrice().toPlainString(), l.amount().amount().toPlainString())).toList();
        String surcharge = b.line(SupplyChargeKind.RENEWABLE_SURCHARGE).unitPrice().toPlainString();
        String fuel = b.line(SupplyChargeKind.FUEL_COST_ADJUSTMENT).unitPrice().toPlainString();
        return new SupplyBill(runId, b.site().value(), b.month().toString(), b.contract().value(), b.contractVersion(),
                b.voltage().name(), b.taxTreatment().name(), b.energy().wattHours(), b.chargedKilowatts().toPlainString(),
                b.demand().monthPeakKilowatts().toPlainString(), b.demand().kilowatts().toPlainString(), b.demand().setIn().toString(),
                DemandHistoryGap.of(b.demand().historyGaps()), fuel, stored.fuelCostSeries(), stored.fuelCostVersion(), surcharge, lines, b.amount().amount().toPlainString(),
                whole(b.amountTruncated()), whole(b.tax()), whole(b.amountExcludingTax()), whole(b.total()), b.quality().measured(),
                b.quality().estimated(), b.quality().missing(), b.complete(), b.quality().certified(), b.quality().gateway(),
                stored.metrologyClass(), MeterClasses.provisional(b.quality().gateway(), stored.metrologyClass()), stored.maxIntervalRevision(),
                LineDigest.format(b.lineDigest()),
                new Invoice(b.invoice().registrationNumber(), b.invoice().issuerName(), b.invoice().issuedOn().toString(),
                        b.invoice().taxRatePercent(), whole(b.invoice().amountForRate()), b.invoice().amountTaxTreatment().name(),
                        whole(b.invoice().taxForRate())));
    }

    private static long whole(Yen yen) {
        return yen.amount().longValueExact();
    }

    /** Maps {@link #COLUMNS} starting at column {@code first}. */
    static SupplyBill bill(ResultSet rs, int first) throws SQLException {
        int i = first;
        long runId = rs.getLong(i++);
        String site = rs.getString(i++);
        String month = YearMonth.from(rs.getObject(i++, LocalDate.class)).toString();
        String contract = rs.getString(i++);
        int contractVersion = rs.getInt(i++);
        String voltage = rs.getString(i++);
        String taxTreatment = rs.getString(i++);
        long energy = rs.getLong(i++);
        String chargedKw = rs.getBigDecimal(i++).toPlainString();
        String peakKw = rs.getBigDecimal(i++).toPlainString();
        String demandKw = rs.getBigDecimal(i++).toPlainString();
        String setIn = YearMonth.from(rs.getObject(i++, LocalDate.class)).toString();
        String fuel = rs.getBigDecimal(i++).toPlainString();
        String fuelSeries = rs.getString(i++);
        int fuelVersion = rs.getInt(i++);
        String surcharge = rs.getBigDecimal(i++).toPlainString();
        List<Line> lines = List.of(TariffJson.JSON.readValue(rs.getString(i++), Line[].class));
        String amount = rs.getBigDecimal(i++).toPlainString();
        long truncated = rs.getBigDecimal(i++).longValueExact();
        long tax = rs.getBigDecimal(i++).longValueExact();
        long excluding = rs.getBigDecimal(i++).longValueExact();
        long total = rs.getBigDecimal(i++).longValueExact();
        int measured = rs.getInt(i++);
        int estimated = rs.getInt(i++);
        int missing = rs.getInt(i++);
        int revision = rs.getInt(i++);
        Integer maxRevision = rs.wasNull() ? null : revision;
        String digest = rs.getString(i++);
        String registration = rs.getString(i++);
        String issuer = rs.getString(i++);
        String issuedOn = rs.getObject(i++, LocalDate.class).toString();
        int rate = rs.getInt(i++);
        List<DemandHistoryGap> gaps = List.of(TariffJson.JSON.readValue(rs.getString(i++), DemandHistoryGap[].class));
        int certified = rs.getInt(i++);
        String metrologyClass = rs.getString(i);
        int gateway = measured + estimated - certified;
        long amountForRate = truncated; // the truncated total: tax-inclusive or -exclusive as the prices are
        return new SupplyBill(runId, site, month, contract, contractVersion, voltage, taxTreatment, energy, chargedKw, peakKw,
                demandKw, setIn, gaps, fuel, fuelSeries, fuelVersion, surcharge, lines, amount, truncated, tax, excluding, total,
                measured, estimated, missing, missing == 0 && gaps.isEmpty(), certified, gateway, metrologyClass,
                MeterClasses.provisional(gateway, metrologyClass), maxRevision, digest,
                new Invoice(registration, issuer, issuedOn, rate, amountForRate, taxTreatment, tax));
    }
}
