package org.aems.api.dashboard;

import java.util.List;

/**
 * What the Region page shows, as of {@code asOf}. Powers are kW as decimal strings (3 decimals), averages over their
 * slot; null where no site reported.
 *
 * @param latestSlot the newest slot with a measured flow on any feeder ("now"; else the newest rolled-up one), null before the
 *                   first rollup of the day
 */
record RegionView(String date, String asOf, String latestSlot, Now now, String pvCapacityKw, String pvTargetKw, List<Feeder> feeders) {

    /**
     * The region in the latest slot. {@code gridKw}: the feeders' net exchange with the grid above, + = drawing, − = sending
     * back; demand = grid + PV, as the KPIs count it.
     */
    record Now(String slotStart, String pvKw, String demandKw, String batteryKw, String evKw, String gridKw, int sitesReporting,
               int siteCount) {
    }

    /**
     * @param breachedSlots slots whose reverse flow exceeded the limit
     * @param peakReverseKw the largest reverse flow of the day so far (0 when there was none)
     */
    record Feeder(String id, String name, String bank, String reverseFlowLimitKw, String importLimitKw, String netImportKw,
                  String peakReverseKw, List<Integer> breachedSlots, List<FeederSlotView> slots) {
    }

    record FeederSlotView(int slot, String start, String netImportKw, String pvKw, String batteryKw, String evKw, int sitesReporting,
                          int siteCount) {
    }
}
