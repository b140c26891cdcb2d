package org.aems.api.site;

import java.util.List;

/** One page of sites, ordered by id. */
public record SitePage(long total, int page, int size, List<SiteView> sites) {
}
