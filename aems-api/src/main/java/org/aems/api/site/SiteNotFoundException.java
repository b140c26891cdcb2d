package org.aems.api.site;

/** No site with that id is registered. */
public final class SiteNotFoundException extends RuntimeException {
    public SiteNotFoundException(String siteId) {
        super("site '" + siteId + "' is not registered; list sites with GET /api/v1/sites");
    }
}
