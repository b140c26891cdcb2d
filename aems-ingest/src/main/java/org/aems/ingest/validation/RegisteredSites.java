package org.aems.ingest.validation;

import org.aems.core.grid.SiteId;

/** The registry as ingest sees it: which sites may send telemetry. */
public interface RegisteredSites {
    boolean isRegistered(SiteId site);
}
