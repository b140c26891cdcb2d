package org.aems.ingest.validation;

import java.util.Optional;
import org.aems.core.grid.Site;
import org.aems.core.grid.SiteId;

/** The registry as ingest sees it: which sites may send telemetry, and their assets. */
public interface RegisteredSites {
    Optional<Site> find(SiteId site);
}
