package org.aems.api.settlement;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.aems.api.settlement.SupplyBillViews.SupplyBill;
import org.aems.api.settlement.SupplyBillViews.SupplyBillLines;
import org.aems.core.settlement.ContractId;
import org.aems.core.settlement.DayTypeCalendar;
import org.aems.core.settlement.IntervalQuality;
import org.aems.core.settlement.MarketPrices;
import org.aems.core.settlement.PricingContext;
import org.aems.core.settlement.supply.InvoiceIssuer;
import org.aems.core.settlement.supply.SupplyBillAccumulator;
import org.aems.core.settlement.supply.SupplyContract;
import org.aems.core.telemetry.TelemetryCodec;
import org.aems.core.time.Slot;
import org.aems.core.unit.Energy;
import org.aems.core.unit.YenPerKwh;
import org.aems.ingest.store.StoreException;
import org.springframework.stereotype.Component;

/**
 * The slot lines of a stored supply bill's energy charge, recomputed from the certified values and
 * {@code site_interval}, the contract version the bill names, the fuel-cost value and surcharge rate it stored and
 * the run's holidays, with the code the run used ({@link SupplyBilling#imports}, {@link SupplyBillAccumulator},
 * {@code SupplyBill.of}). The whole bill must come out the same (energy, every line, total, slot counts,
 * digest, billing demand). Intervals are read as the run's snapshot saw them (ADR 0021), so only a run from before
 * that can meet changed intervals: then the answer is 409 {@code INTERVALS_CHANGED} (ADR 0011, 0013).
 */
@Component
public class SupplyLineRecomputer {

    private final DataSource dataSource;
    private final RunStore runs;
    private final SupplyBillStore bills;
    private final SupplyContractStore contracts;

    public SupplyLineRecomputer(DataSource dataSource, RunStore runs, SupplyBillStore bills, SupplyContractStore contracts) {
        this.dataSource = dataSource;
        this.runs = runs;
        this.bills = bills;
        this.contracts = contracts;
    }

    public List<SupplyBillLines> lines(long runId, String siteId) {
        RunManifest manifest = runs.run(runId).manifest();
        IntervalsSeen seen = IntervalsSeen.asOf(runs.intervalSnapshot(runId));
        List<SupplyBill> stored = bills.ofSite(runId, siteId);
        if (stored.isEmpty()) {
            throw new RunNotFoundException("settlement run " + runId + " has no supply bill for site " + siteId);
        }
        PricingContext context = new PricingContext(DayTypeCalendar.withHolidays(Set.copyOf(manifest.holidayDates())),
                MarketPrices.NONE);
        List<SupplyBillLines> result = new ArrayList<>();
        for (SupplyBill bill : stored) {
            SupplyContract contract = contracts.version(ContractId.of(bill.contractId()), bill.contractVersion());
            YearMonth month = YearMonth.parse(bill.month());
            SupplyBillAccumulator acc = new SupplyBillAccumulator(contract, month);
            List<SettlementViews.SlotLine> lines = new ArrayList<>();
            SupplyBilling.DemandHistory history;
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                SupplyBilling.imports(c, seen, List.of(siteId), month, (site, slot, importWh, quality, source, revision) -> {
                    if (importWh >= 0 && quality != IntervalQuality.MISSING) {
                        YenPerKwh price = acc.add(slot, importWh, quality, source, context);
                        lines.add(new SettlementViews.SlotLine(slot.toString(), TelemetryCodec.format(slot.start()), importWh,
                                price.value().toPlainString(), Energy.ofWattHours(importWh).times(price).amount().toPlainString(),
                                quality.name(), source.name()));
                    }
                });
                history = SupplyBilling.demandHistory(c, seen, List.of(siteId), month).getOrDefault(siteId,
                        SupplyBilling.DemandHistory.NONE);
                c.commit();
            } catch (SQLException e) {
                throw new StoreException("reading intervals of site " + siteId + " failed: " + e.getMessage(), e);
            }
            org.aems.core.settlement.supply.SupplyBill recomputed = org.aems.core.settlement.supply.SupplyBill.of(contract, month,
                    acc.inputs(history.peaksWh(), history.slotsWithValue(), YenPerKwh.of(bill.fuelCostAdjustment()),
                            YenPerKwh.of(bill.renewableSurcharge())),
                    new InvoiceIssuer(bill.invoice().registrationNumber(), bill.invoice().issuer()),
                    LocalDate.parse(bill.invoice().issuedOn()));
            SupplyBill again = SupplyBillStore.view(runId, recomputed, bill);
            if (!again.equals(bill)) {
                throw new RunStateException(409, "INTERVALS_CHANGED", "the intervals of site " + siteId + " changed after"
                        + " settlement run " + runId + " (supply bill " + bill.month() + ": stored " + bill.energyWh() + " Wh, "
                        + bill.amount() + " yen, demand " + bill.demandKw() + " kW, digest " + bill.lineDigest() + "; now "
                        + again.energyWh() + " Wh, " + again.amount() + " yen, demand " + again.demandKw() + " kW, digest "
                        + again.lineDigest() + "); re-run the period for a new version");
            }
            result.add(new SupplyBillLines(bill, lines, acc.missingSlots().stream().map(Slot::toString).toList(), true));
        }
        return result;
    }
}
