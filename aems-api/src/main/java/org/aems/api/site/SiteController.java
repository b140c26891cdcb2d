package org.aems.api.site;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.List;
import org.aems.api.security.Principal;
import org.aems.api.security.Principals;
import org.aems.api.security.SiteScope;
import org.aems.core.grid.FeederId;
import org.aems.core.grid.SiteId;
import org.aems.core.time.Jst;
import org.aems.ingest.registry.RegistryStore;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The registered sites. */
@RestController
@RequestMapping("/api/v1/sites")
class SiteController {

    static final int MAX_PAGE_SIZE = 1000;

    private final RegistryStore registry;
    private final SiteScope scope;
    private final Clock clock;

    SiteController(RegistryStore registry, SiteScope scope, Clock clock) {
        this.registry = registry;
        this.scope = scope;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "List the registered sites in your organisation's scope",
            description = "Ordered by id, a page at a time; optionally of one feeder. Only sites whose data your organisation"
                    + " owns or holds a standing consent for (docs/security.md).")
    SitePage list(@Parameter(description = "only sites of this feeder") @RequestParam(required = false) String feeder,
                  @Parameter(description = "page number, from 0") @RequestParam(defaultValue = "0") int page,
                  @Parameter(description = "sites per page, 1.." + MAX_PAGE_SIZE) @RequestParam(defaultValue = "100") int size) {
        if (page < 0) {
            throw new IllegalArgumentException("parameter 'page' must be >= 0, was " + page);
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("parameter 'size' must be within 1.." + MAX_PAGE_SIZE + ", was " + size);
        }
        Optional<FeederId> feederId = Optional.ofNullable(feeder).map(FeederId::of);
        Principal caller = Principals.current().orElseThrow();
        String feederValue = feederId.map(FeederId::value).orElse(null);
        List<SiteId> ids = scope.visibleSites(caller, feederValue, Math.multiplyExact((long) page, size), size).stream()
                .map(SiteId::of).toList();
        LocalDate today = Jst.today(clock);
        return new SitePage(scope.countVisibleSites(caller, feederValue), page, size,
                registry.sites(ids).stream().map(s -> SiteView.of(s, today, false)).toList());
    }

    @GetMapping("/{siteId}")
    @Operation(summary = "One site with its assets")
    SiteView get(@PathVariable String siteId) {
        SiteId id = SiteId.of(siteId);
        return registry.site(id).map(s -> SiteView.of(s, Jst.today(clock), true))
                .orElseThrow(() -> new SiteNotFoundException(siteId));
    }
}
