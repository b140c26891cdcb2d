package org.aems.ingest.registry;

import java.util.List;

/**
 * What a region import did. The registry of the region now equals the file.
 *
 * @param removedSites sites of this region that were registered before but are not in the file
 */
public record ImportReport(String regionId, int substations, int banks, int feeders, int sites, int assets,
                           List<String> removedSites) {
    public ImportReport {
        removedSites = List.copyOf(removedSites);
    }
}
