package org.aems.api.settlement;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Supply bills as the billing API shows them. Whole-yen amounts are integers; full-precision amounts, kW
 * and unit prices are decimal strings (never binary floating point); energies are whole Wh; months
 * "2026-05" (JST).
 */
public final class SupplyBillViews {

    private SupplyBillViews() {
    }

    /** One line at full precision; {@code unitPrice} is absent for a time-of-use energy charge (priced per slot). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Line(String kind, String quantity, String unit, String unitPrice, String amount) {
    }

    /** The qualified-invoice (適格請求書) particulars: issuer, registration number, date, and per rate the amount and tax. */
    public record Invoice(String registrationNumber, String issuer, String issuedOn, int taxRatePercent, long amountForRate,
                          String amountTaxTreatment, long taxForRate) {
    }

    /** A month of the billing demand's history without a value in {@code missingSlots} of its slots. */
    public record DemandHistoryGap(String month, int missingSlots) {

        static List<DemandHistoryGap> of(List<org.aems.core.settlement.supply.BillingDemand.HistoryGap> gaps) {
            return gaps.stream().map(g -> new DemandHistoryGap(g.month().toString(), g.missingSlots())).toList();
        }
    }

    /**
     * A facility's supply bill of one month in a run. {@code demandHistoryGaps}: months of a high-voltage billing demand's
     * 11-month history that lacked values (a peak may be missing); {@code complete} is false when there are any, as when
     * the month itself has missing slots. {@code certifiedSlots} were billed on the transmission operator's certified
     * values, {@code gatewaySlots} on gateway intervals; {@code metrologyClass} is the class of the facility's registered
     * meter (null: none registered); {@code provisional}: gateway values where certified ones are expected (ADR 0022).
     */
    public record SupplyBill(long runId, String siteId, String month, String contractId, int contractVersion, String voltage,
                             String taxTreatment, long energyWh, String chargedKw, String monthPeakKw, String demandKw,
                             String demandSetIn, List<DemandHistoryGap> demandHistoryGaps, String fuelCostAdjustment, String fuelCostSeries, int fuelCostVersion,
                             String renewableSurcharge, List<Line> lines, String amount, long amountTruncated, long tax,
                             long amountExcludingTax, long total, int measuredSlots, int estimatedSlots, int missingSlots,
                             boolean complete, int certifiedSlots, int gatewaySlots, String metrologyClass, boolean provisional,
                             Integer maxIntervalRevision, String lineDigest, Invoice invoice) {
    }

    /** A bill with the recomputed slot lines of its energy charge; {@code reproduced} is true, otherwise the API answers 409. */
    public record SupplyBillLines(SupplyBill bill, List<SettlementViews.SlotLine> lines, List<String> missingSlots,
                                 boolean reproduced) {
    }

    /** One facility's change against the previous version: ADDED, REMOVED or CHANGED, with both sides. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SupplyBillDiff(String siteId, String month, String change, SupplyBill previous, SupplyBill current) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SupplyBillDiffPage(long runId, Long previousRunId, List<SupplyBillDiff> changes, String next) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    /** A finalised supply bill in the feed, with the run it belongs to ({@code month}: the run's JST month). */
    public record SupplyBillFeedItem(long runId, int runVersion, Long previousRunId, String periodFrom, String finalisedAt,
                                     SupplyBill supplyBill) {
    }

    /** {@code next} is always present: the cursor to ask with next time, also when nothing is new. */
    public record SupplyBillFeedPage(List<SupplyBillFeedItem> items, String next) {
    }

        public record SupplyBillPage(long runId, List<SupplyBill> supplyBills, String next) {
    }
}
