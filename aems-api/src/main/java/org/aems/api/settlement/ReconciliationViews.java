package org.aems.api.settlement;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The reconciliation of gateway (provisional) intervals with the certified values, per site and slot. Energies
 * in whole Wh; a difference is gateway − certified (+: the gateway said more); dates are JST days, "until"
 * exclusive.
 */
public final class ReconciliationViews {

    private ReconciliationViews() {
    }

    /** Where the two sources disagree. */
    public enum Kind {
        /** Both have a value and they differ in import or export. */
        DIFFERENT,
        /** Only the gateway has a value (no certified value yet). */
        ONLY_GATEWAY,
        /** Only the certified value exists (the gateway interval is MISSING or absent). */
        ONLY_CERTIFIED
    }

    /**
     * One slot where the sources disagree; the side a source does not have is left out. {@code gatewayQuality} and
     * {@code gatewaySource} qualify the gateway interval (ADR 0008), {@code certifiedBatchId} names the import batch
     * of the certified value.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SlotDifference(String slot, String start, Kind kind, Long gatewayImportWh, Long gatewayExportWh,
                                 String gatewayQuality, String gatewaySource, Long certifiedImportWh, Long certifiedExportWh,
                                 Long certifiedBatchId, Long importDifferenceWh, Long exportDifferenceWh) {
    }

    /**
     * One site: {@code slotsCompared} had both values, {@code slotsDiffering} of them differ; the differences are
     * summed over the compared slots (signed, gateway − certified).
     */
    public record SiteReconciliation(String siteId, int slotsCompared, int slotsDiffering, long importDifferenceWh,
                                     long exportDifferenceWh, int slotsOnlyGateway, int slotsOnlyCertified,
                                     List<SlotDifference> slots) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ReconciliationPage(String from, String until, List<SiteReconciliation> sites, String next) {
    }
}
