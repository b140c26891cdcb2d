package org.aems.api.settlement;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What the billing API shows. Whole-yen amounts are integers; the full-precision amount is a decimal
 * string (never a binary floating-point number); energies are whole Wh; dates are JST days, "until"
 * exclusive; instants ISO-8601 with +09:00.
 */
public final class SettlementViews {

    private SettlementViews() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Run(long id, String kind, String periodKind, String periodFrom, String periodUntil, int version,
                      Long previousRunId, String status, String createdBy, String createdAt, String finalisedBy,
                      String finalisedAt, boolean incompleteAccepted, int statements, int incompleteStatements,
                      int supplyBills, int incompleteSupplyBills, int provisionalStatements, int provisionalSupplyBills,
                      boolean provisionalAccepted, RunManifest manifest) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RunPage(List<Run> runs, String next) {
    }

    /**
     * A purchase statement (仕入明細書) of one site and contract segment. {@code certifiedSlots} were billed on the
     * transmission operator's certified values, {@code gatewaySlots} on gateway intervals; {@code metrologyClass}
     * is the class of the site's registered meter (null: none registered); {@code provisional}: gateway values
     * where certified ones are expected (ADR 0014).
     */
    public record Statement(long runId, String siteId, String from, String until, String contractId, int contractVersion,
                            String taxTreatment, long energyWh, String amount, long amountTruncated, long tax,
                            long amountExcludingTax, long payment, int measuredSlots, int estimatedSlots, int missingSlots,
                            boolean complete, Integer maxIntervalRevision, String lineDigest, int certifiedSlots,
                            int gatewaySlots, String metrologyClass, boolean provisional) {
    }

    /** {@code totals}: the whole run's sums, on the first page only (a billing system reconciles against them). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StatementPage(long runId, List<Statement> statements, String next, RunTotals totals) {
    }

    /** Sums over every statement of a run; yen are the statements' own (truncated, taxed) figures added up. */
    public record RunTotals(int statements, long energyWh, long amountExcludingTax, long tax, long payment) {
    }

    /** {@code source}: CERTIFIED (the data of record) or GATEWAY (provisional). */
    public record SlotLine(String slot, String start, long energyWh, String unitPrice, String amount, String quality,
                           String source) {
    }

    /** The recomputed lines of one statement; {@code reproduced} is true: otherwise the API answers 409. */
    public record StatementLines(Statement statement, List<SlotLine> lines, List<String> missingSlots, boolean reproduced) {
    }

    public record SiteLines(long runId, String siteId, List<StatementLines> statements) {
    }

    /** One site's change against the previous version: ADDED, REMOVED or CHANGED, with both sides. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SiteDiff(String siteId, String from, String change, Statement previous, Statement current) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DiffPage(long runId, Long previousRunId, List<SiteDiff> changes, String next) {
    }

    /** A finalised statement in the feed, with the run it belongs to. */
    public record FeedItem(long runId, int runVersion, Long previousRunId, String periodKind, String periodFrom,
                           String periodUntil, String finalisedAt, Statement statement) {
    }

    /** {@code next} is always present: the cursor to ask with next time, also when nothing new has come. */
    public record FeedPage(List<FeedItem> items, String next) {
    }
}
