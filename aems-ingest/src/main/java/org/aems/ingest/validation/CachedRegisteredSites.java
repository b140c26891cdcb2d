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

    @Override
    public Optional<Site> find(SiteId site) {
        return cache.get(site);
    }
}
