package org.aems.api.kpi;

import org.aems.core.time.Slot;

/**
 * The region's 30-minute sums from {@code feeder_interval}, in Wh; a column is null when no feeder had a value.
 *
 * @param buybackExportWh the export of sites whose surplus is ours to buy (卒FIT), part of {@code exportWh}
 */
record RegionSlot(Slot slot, Long importWh, Long exportWh, Long netImportWh, Long pvWh, Long buybackExportWh, int siteCount,
                  int sitesReporting) {

    boolean complete() {
        return sitesReporting >= siteCount;
    }
}
