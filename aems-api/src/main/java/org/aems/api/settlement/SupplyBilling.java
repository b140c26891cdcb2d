package org.aems.api.settlement;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.aems.core.grid.MetrologyClass;
import org.aems.core.grid.SiteId;
import org.aems.core.series.PriceSource;
import org.aems.core.series.SeriesId;
import org.aems.core.series.SeriesValue;
import org.aems.core.settlement.IntervalQuality;
import org.aems.core.settlement.LineDigest;
import org.aems.core.settlement.PricingContext;
import org.aems.core.settlement.SettlementInputException;
import org.aems.core.settlement.SettlementPeriod;
import org.aems.core.settlement.ValueSource;
import org.aems.core.settlement.supply.BillingDemand;
import org.aems.core.settlement.supply.InvoiceIssuer;
import org.aems.core.settlement.supply.RenewableSurchargeRates;
import org.aems.core.settlement.supply.SupplyBill;
import org.aems.core.settlement.supply.SupplyBillAccumulator;
import org.aems.core.settlement.supply.SupplyBillLine;
import org.aems.core.settlement.supply.SupplyChargeKind;
import org.aems.core.settlement.supply.SupplyContract;
import org.aems.core.settlement.supply.SupplyContracts;
import org.aems.core.time.Jst;
import org.aems.core.time.Slot;
import org.aems.core.unit.YenPerKwh;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The supply bills (適格請求書) of a calendar-month settlement run, for the facilities with a supply contract
 * in force that month (ADR 0013). Planned before the run's transaction, so that bad input (overlapping
 * contracts, a fuel-cost value or surcharge rate missing, no invoice issuer) rejects the run together with
 * the buy-back problems; computed and stored inside it, from the same snapshot of the certified values (the data of
 * record, where they have come) and {@code site_interval}.
 * Facilities are few (tens to hundreds), so their intervals are read with a plain query, not streamed.
 */
@Component
class SupplyBilling {

    private final SupplyContractStore contracts;
    private final SeriesStore series;
    private final SupplySettings settings;

    SupplyBilling(SupplyContractStore contracts, SeriesStore series, SupplySettings settings) {
        this.contracts = contracts;
        this.series = series;
        this.settings = settings;
    }

    /** What a month's bills are computed from; empty for meter-reading periods and months without supply contracts. */
    record Plan(YearMonth month, List<SupplyContract> contracts, Map<SeriesId, SeriesValue<YenPerKwh>> fuelCosts,
                YenPerKwh renewableSurcharge, InvoiceIssuer issuer) {

        static final Plan NONE = new Plan(null, List.of(), Map.of(), null, null);

        boolean isEmpty() {
            return contracts.isEmpty();
        }

        RunManifest.Supply manifest() {
            if (isEmpty()) {
                return null;
            }
            Map<String, List<Integer>> versions = new TreeMap<>();
            fuelCosts.forEach((id, v) -> versions.put(id.value(), List.of(v.version().version())));
            return new RunManifest.Supply(month.toString(), contracts.size(),
                    versions.entrySet().stream().map(e -> new RunManifest.SeriesUse(e.getKey(), e.getValue())).toList(),
                    RenewableSurchargeRates.fiscalYear(month), renewableSurcharge.value().toPlainString(),
                    issuer.registrationNumber(), RunManifest.SUPPLY_DEMAND, RunManifest.SUPPLY_ROUNDING);
        }
    }

    /**
     * A computed bill with what is stored next to it; {@code metrologyClass} is the weakest class of the facility's
     * registered meters that month (null: none registered).
     */
    record Billed(SupplyBill bill, SeriesValue<YenPerKwh> fuelCost, int maxRevision, MetrologyClass metrologyClass) {

        /** Billed partly on gateway values where certified values are expected (ADR 0022). */
        boolean provisional() {
            return MeterClasses.provisional(bill.quality().gateway(), metrologyClass);
        }
    }

    /** Checks the month's supply input; each problem is added to {@code problems}, nothing is thrown. */
    Plan plan(SettlementPeriod period, Instant knownAt, List<SettlementInputException> problems) {
        if (period.kind() != SettlementPeriod.Kind.CALENDAR_MONTH) {
            return Plan.NONE; // supply bills are per calendar month (ADR 0013)
        }
        YearMonth month = YearMonth.from(period.from());
        List<SupplyContract> inForce = new ArrayList<>();
        for (Map.Entry<SiteId, List<SupplyContract>> e : contracts.inForce(month, knownAt).entrySet()) {
            try {
                new SupplyContracts(e.getKey(), e.getValue()).inForce(month).ifPresent(inForce::add);
            } catch (SettlementInputException ex) {
                problems.add(ex);
            }
        }
        if (inForce.isEmpty()) {
            return Plan.NONE;
        }
        Optional<InvoiceIssuer> issuer = settings.issuer();
        if (issuer.isEmpty()) {
            problems.add(new SettlementInputException(SettlementInputException.Reason.INVOICE_ISSUER_MISSING, inForce.size()
                    + " site(s) have a supply contract in " + month + " but no qualified-invoice issuer is configured; set"
                    + " aems.settlement.supply.issuer-registration-number (T + 13 digits) and issuer-name"));
        }
        YenPerKwh surcharge = null;
        try {
            surcharge = settings.rates().rateFor(month);
        } catch (SettlementInputException ex) {
            problems.add(ex);
        }
        Map<SeriesId, SeriesValue<YenPerKwh>> fuelCosts = new LinkedHashMap<>();
        Set<SeriesId> ids = new TreeSet<>((a, b) -> a.value().compareTo(b.value()));
        inForce.forEach(c -> ids.add(c.fuelCostSeries()));
        PriceSource prices = series.prices(ids, period.start(), period.end());
        Slot first = Slot.of(period.from(), 1);
        for (SeriesId id : ids) {
            Optional<SeriesValue<YenPerKwh>> value = prices.price(id, first, knownAt);
            if (value.isPresent()) {
                fuelCosts.put(id, value.get());
            } else {
                problems.add(new SettlementInputException(SettlementInputException.Reason.MISSING_PRICE, "fuel-cost adjustment"
                        + " series " + id + " has no value for " + month + " (in force at " + first.start() + "); load the"
                        + " month's 燃料費調整単価, a supply bill never prices it at zero"));
            }
        }
        return new Plan(month, List.copyOf(inForce), fuelCosts, surcharge, issuer.orElse(null));
    }

    /**
     * The bills of the plan, from the certified values and intervals visible to {@code c} (the run's REPEATABLE READ
     * transaction).
     */
    List<Billed> compute(Connection c, Plan plan, PricingContext context, Instant knownAt, MeterClasses meters) throws SQLException {
        if (plan.isEmpty()) {
            return List.of();
        }
        Map<String, SupplyBillAccumulator> bySite = new LinkedHashMap<>();
        plan.contracts().forEach(contract -> bySite.put(contract.site().value(), new SupplyBillAccumulator(contract, plan.month())));
        Map<String, Integer> maxRevision = new HashMap<>();
        imports(c, IntervalsSeen.NOW, bySite.keySet(), plan.month(), (site, slot, importWh, quality, source, revision) -> {
            maxRevision.merge(site, revision, Math::max);
            if (importWh >= 0 && quality != IntervalQuality.MISSING) { // else counted as missing, never billed as zero
                bySite.get(site).add(slot, importWh, quality, source, context);
            }
        });
        Map<String, DemandHistory> history = demandHistory(c, IntervalsSeen.NOW, bySite.keySet(), plan.month());
        LocalDate issuedOn = Jst.toJst(knownAt).toLocalDate();
        List<Billed> bills = new ArrayList<>();
        for (Map.Entry<String, SupplyBillAccumulator> e : bySite.entrySet()) {
            SupplyContract contract = e.getValue().contract();
            SeriesValue<YenPerKwh> fuel = plan.fuelCosts().get(contract.fuelCostSeries());
            DemandHistory past = history.getOrDefault(e.getKey(), DemandHistory.NONE);
            SupplyBill.Inputs inputs = e.getValue().inputs(past.peaksWh(), past.slotsWithValue(), fuel.value(),
                    plan.renewableSurcharge());
            bills.add(new Billed(SupplyBill.of(contract, plan.month(), inputs, plan.issuer(), issuedOn), fuel,
                    maxRevision.getOrDefault(e.getKey(), 0), meters.of(contract.site(), plan.month().atDay(1),
                    plan.month().plusMonths(1).atDay(1))));
        }
        return bills;
    }

    /**
     * One slot of a supply site: its certified value (MEASURED, source CERTIFIED) or else its gateway interval;
     * {@code importWh} is -1 when it has no value (MISSING); {@code revision} is the gateway interval's (0 without one).
     */
    interface ImportHandler {
        void accept(String site, Slot slot, long importWh, IntervalQuality quality, ValueSource source, int revision);
    }

    /**
     * Per slot of {@code sites} in [from, to) as {@code seen}: the certified value where there is one (the data of
     * record), else the gateway interval. A FULL JOIN of two small sets (facilities are few); the SELECT takes the
     * sites, from and to twice.
     */
    private static String slotValues(IntervalsSeen seen) {
        return "SELECT COALESCE(c.site_id, i.site_id) AS site_id, COALESCE(c.slot_date, i.slot_date) AS slot_date,"
                + " COALESCE(c.slot_index, i.slot_index) AS slot_index, COALESCE(c.slot_start, i.slot_start) AS slot_start,"
                + " CASE WHEN c.site_id IS NULL THEN i.import_wh ELSE c.import_wh END AS import_wh,"
                + " CASE WHEN c.site_id IS NULL THEN i.quality ELSE 'MEASURED' END AS quality,"
                + " COALESCE(i.revision, 0) AS revision, c.site_id IS NOT NULL AS certified"
                + " FROM (SELECT site_id, slot_date, slot_index, slot_start, import_wh, quality, revision FROM " + seen.table()
                + " WHERE site_id = ANY (?) AND slot_start >= ? AND slot_start < ?) i"
                + " FULL JOIN (" + IntervalScan.certifiedOfSites(seen) + ") c ON c.site_id = i.site_id AND c.slot_start = i.slot_start";
    }

    private static void bindSlotValues(PreparedStatement ps, Connection c, Collection<String> sites, Instant from, Instant until)
            throws SQLException {
        Array array = sites(c, sites);
        for (int i = 0; i < 2; i++) {
            ps.setArray(3 * i + 1, array);
            ps.setTimestamp(3 * i + 2, Timestamp.from(from));
            ps.setTimestamp(3 * i + 3, Timestamp.from(until));
        }
    }

    /**
     * Every slot value of {@code sites} in {@code month} as {@code seen} ({@link #slotValues}), in slot order per
     * site: the run's and a recompute's one reader.
     */
    static void imports(Connection c, IntervalsSeen seen, Collection<String> sites, YearMonth month, ImportHandler handler)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT site_id, slot_date, slot_index, import_wh, quality, revision,"
                + " certified FROM (" + slotValues(seen) + ") v ORDER BY site_id, slot_start")) {
            bindSlotValues(ps, c, sites, month.atDay(1).atStartOfDay(Jst.ZONE).toInstant(),
                    month.plusMonths(1).atDay(1).atStartOfDay(Jst.ZONE).toInstant());
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long importWh = rs.getLong(4);
                    if (rs.wasNull()) {
                        importWh = -1;
                    }
                    handler.accept(rs.getString(1), Slot.of(rs.getObject(2, LocalDate.class), rs.getInt(3)), importWh,
                            IntervalQuality.valueOf(rs.getString(5)), rs.getBoolean(7) ? ValueSource.CERTIFIED : ValueSource.GATEWAY,
                            rs.getInt(6));
                }
            }
        }
    }

    /** A site's demand history as the ratchet reads it: the peaks, and per month the slots with a value (for its gaps). */
    record DemandHistory(Map<YearMonth, Long> peaksWh, Map<YearMonth, Integer> slotsWithValue) {
        static final DemandHistory NONE = new DemandHistory(Map.of(), Map.of());
    }

    /**
     * Per site, the {@link BillingDemand#RATCHET_MONTHS} JST months before {@code month}: the history of the ratchet,
     * derived from the same slot values as the bills (certified where there are some) rather than stored.
     */
    static Map<String, DemandHistory> demandHistory(Connection c, IntervalsSeen seen, Collection<String> sites, YearMonth month)
            throws SQLException {
        Instant from = month.minusMonths(BillingDemand.RATCHET_MONTHS).atDay(1).atStartOfDay(Jst.ZONE).toInstant();
        Instant until = month.atDay(1).atStartOfDay(Jst.ZONE).toInstant();
        Map<String, DemandHistory> history = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT site_id, date_trunc('month', slot_date)::date, max(import_wh),"
                + " count(*) FROM (" + slotValues(seen) + ") v WHERE import_wh IS NOT NULL AND quality <> 'MISSING' GROUP BY 1, 2")) {
            bindSlotValues(ps, c, sites, from, until);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    DemandHistory site = history.computeIfAbsent(rs.getString(1), s -> new DemandHistory(new HashMap<>(), new HashMap<>()));
                    YearMonth m = YearMonth.from(rs.getObject(2, LocalDate.class));
                    site.peaksWh().put(m, rs.getLong(3));
                    site.slotsWithValue().put(m, rs.getInt(4));
                }
            }
        }
        return history;
    }

    /** Writes the bills of run {@code runId} (a DRAFT being written). */
    void store(Connection c, long runId, List<Billed> bills) throws SQLException {
        if (bills.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO supply_bill (run_id, site_id, month, contract_id, contract_version, voltage, tax_treatment, energy_wh,
                    charged_kw, month_peak_kw, demand_kw, demand_set_in, fuel_cost_adjustment, fuel_cost_series, fuel_cost_version,
                    renewable_surcharge, lines, amount, amount_truncated, tax, amount_excluding_tax, total, measured_slots,
                    estimated_slots, missing_slots, max_interval_revision, line_digest, invoice_registration, invoice_issuer,
                    issued_on, tax_rate_percent, demand_history_gaps, certified_slots, metrology_class)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)""")) {
            for (Billed billed : bills) {
                SupplyBill b = billed.bill();
                int i = 1;
                ps.setLong(i++, runId);
                ps.setString(i++, b.site().value());
                ps.setObject(i++, b.month().atDay(1));
                ps.setString(i++, b.contract().value());
                ps.setInt(i++, b.contractVersion());
                ps.setString(i++, b.voltage().name());
                ps.setString(i++, b.taxTreatment().name());
                ps.setLong(i++, b.energy().wattHours());
                ps.setBigDecimal(i++, b.chargedKilowatts());
                ps.setBigDecimal(i++, b.demand().monthPeakKilowatts());
                ps.setBigDecimal(i++, b.demand().kilowatts());
                ps.setObject(i++, b.demand().setIn().atDay(1));
                ps.setBigDecimal(i++, billed.fuelCost().value().value());
                ps.setString(i++, billed.fuelCost().version().series().value());
                ps.setInt(i++, billed.fuelCost().version().version());
                ps.setBigDecimal(i++, b.line(SupplyChargeKind.RENEWABLE_SURCHARGE).unitPrice());
                ps.setString(i++, linesJson(b.lines()));
                ps.setBigDecimal(i++, b.amount().amount());
                ps.setBigDecimal(i++, b.amountTruncated().amount());
                ps.setBigDecimal(i++, b.tax().amount());
                ps.setBigDecimal(i++, b.amountExcludingTax().amount());
                ps.setBigDecimal(i++, b.total().amount());
                ps.setInt(i++, b.quality().measured());
                ps.setInt(i++, b.quality().estimated());
                ps.setInt(i++, b.quality().missing());
                ps.setObject(i++, billed.maxRevision() == 0 ? null : billed.maxRevision(), java.sql.Types.INTEGER);
                ps.setString(i++, LineDigest.format(b.lineDigest()));
                ps.setString(i++, b.invoice().registrationNumber());
                ps.setString(i++, b.invoice().issuerName());
                ps.setObject(i++, b.invoice().issuedOn());
                ps.setInt(i++, b.invoice().taxRatePercent());
                ps.setString(i++, TariffJson.JSON.writeValueAsString(SupplyBillViews.DemandHistoryGap.of(b.demand().historyGaps())));
                ps.setInt(i++, b.quality().certified());
                ps.setString(i, billed.metrologyClass() == null ? null : billed.metrologyClass().name());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Lines as stored and shown: decimals as plain strings, never binary floating point. */
    static String linesJson(List<SupplyBillLine> lines) {
        ArrayNode array = TariffJson.JSON.createArrayNode();
        for (SupplyBillLine line : lines) {
            ObjectNode node = array.addObject();
            node.put("kind", line.kind().name());
            node.put("quantity", line.quantity().toPlainString());
            node.put("unit", line.unit());
            if (line.unitPrice() != null) {
                node.put("unitPrice", line.unitPrice().toPlainString());
            }
            node.put("amount", line.amount().amount().toPlainString());
        }
        return TariffJson.JSON.writeValueAsString(array);
    }

    private static Array sites(Connection c, Collection<String> sites) throws SQLException {
        return c.createArrayOf("text", sites.toArray());
    }
}
