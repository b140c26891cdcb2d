package org.aems.api.dashboard;

import java.util.List;

/**
 * What the Region page shows, as of {@code asOf}. Powers are kW as decimal strings (3 decimals), averages over their
 * slot; null where no site reported.
 *
 * @param latestSlot the newest slot with a measured flow on any feeder (else the newest rolled-up one), null before the
 *                   first rollup of the day
 * @param live       today only: the instantaneous powers from each site's newest readings; null for another day
 */
record RegionView(String date, String asOf, String latestSlot, Live live, Now now, String pvCapacityKw, String pvTargetKw,
                  List<Feeder> feeders) {

    /**
     * Each site's newest readings summed (kW, 3 decimals; null where no site reported that quantity), over the sites that
     * reported within the last 10 minutes; {@code oldest}/{@code newest}: the readings' age. Demand = grid + PV, as in
     * {@link Now}.
     */
    record Live(String oldest, String newest, String pvKw, String demandKw, String batteryKw, String evKw, String gridKw,
                int sitesReporting, int siteCount) {
    }

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
