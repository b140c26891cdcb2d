package org.aems.ingest.validation;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.aems.core.grid.Site;
import org.aems.core.grid.SiteId;

/**
 * Caches registry look-ups so ingest does not query the registry per message. A site imported a moment
 * ago is seen within {@code ttl}: unknown answers expire as fast as known ones.
 */
public final class CachedRegisteredSites implements RegisteredSites {

    private final LoadingCache<SiteId, Optional<Site>> cache;

    public CachedRegisteredSites(Function<SiteId, Optional<Site>> registry, Duration ttl, long maximumSize) {
        this.cache = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maximumSize).build(registry::apply);
    }

    /** As the application sizes it: a new site seen within 30 s, room for 200,000 sites (a city has ~10,000). */
    public static CachedRegisteredSites asApplication(Function<SiteId, Optional<Site>> registry) {
        return new CachedRegisteredSites(registry, Duration.ofSeconds(30), 200_000);
    }

    @Override
    public Optional<Site> find(SiteId site) {
        return cache.get(site);
    }
}
