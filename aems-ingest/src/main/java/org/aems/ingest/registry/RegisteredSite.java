package org.aems.ingest.registry;

import java.util.Objects;
import org.aems.core.grid.BankId;
import org.aems.core.grid.FeederId;
import org.aems.core.grid.RegionId;
import org.aems.core.grid.Site;
import org.aems.core.grid.SubstationId;

/** A site as registered, with where it hangs in the grid. */
public record RegisteredSite(Site site, FeederId feeder, BankId bank, SubstationId substation, RegionId region) {
    public RegisteredSite {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(feeder, "feeder");
        Objects.requireNonNull(bank, "bank");
        Objects.requireNonNull(substation, "substation");
        Objects.requireNonNull(region, "region");
    }
}
