package org.aems.api.dashboard;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.aems.api.security.Principals;
import org.aems.api.security.SiteScope;
import org.aems.core.time.Jst;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The Sites page's read model: search, last reading, data quality, rejections; only sites in the caller's scope. */
@RestController
@Tag(name = "dashboard")
class SiteStatusController {

    private static final int MAX_SIZE = 200;

    record SiteView(String id, String name, String kind, String feeder, String lastReading, int measuredSlots, int estimatedSlots,
                    int missingSlots, int rejections24h, String lastRejection) {
    }

    record SitePage(String date, long total, int page, int size, List<SiteView> sites) {
    }

    record RejectionView(String receivedAt, String reason, String detail, String messageId) {
    }

    private final SiteStatusQuery query;
    private final SiteScope scope;
    private final Clock clock;

    SiteStatusController(SiteStatusQuery query, SiteScope scope, Clock clock) {
        this.query = query;
        this.scope = scope;
        this.clock = clock;
    }

    @GetMapping("/api/v1/dashboard/sites")
    @Operation(summary = "Sites in the caller's scope matching a search, with their newest reading, the quality of their"
            + " intervals on a JST day and their rejections of the last 24 hours")
    SitePage sites(@Parameter(description = "part of a site's id or name, any case") @RequestParam(required = false) String q,
                   @Parameter(description = "only this feeder's sites") @RequestParam(required = false) String feeder,
                   @Parameter(description = "JST day of the interval quality, default today") @RequestParam(required = false) LocalDate date,
                   @Parameter(description = "page number, from 0") @RequestParam(defaultValue = "0") int page,
                   @Parameter(description = "sites per page, 1.." + MAX_SIZE) @RequestParam(defaultValue = "50") int size) {
        if (page < 0 || size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("parameters 'page' must be >= 0 and 'size' within 1.." + MAX_SIZE + ", were " + page
                    + " and " + size);
        }
        if (q != null && q.length() > 100) {
            throw new IllegalArgumentException("parameter 'q' must be at most 100 characters, was " + q.length());
        }
        Instant now = clock.instant();
        LocalDate day = date != null ? date : Jst.toJst(now).toLocalDate();
        List<String> visible = scope.visibleSites(Principals.current().orElseThrow(), feeder, 0, Integer.MAX_VALUE);
        SiteStatusQuery.Found found = query.search(visible, q, day, now, Math.multiplyExact(page, size), size);
        return new SitePage(day.toString(), found.total(), page, size, found.sites().stream().map(s -> new SiteView(s.id(), s.name(),
                s.kind(), s.feeder(), s.lastReading() == null ? null : DashboardViews.jst(s.lastReading()), s.measured(), s.estimated(),
                s.missing(), s.rejections24h(), s.lastRejection())).toList());
    }

    @GetMapping("/api/v1/dashboard/sites/{siteId}/rejections")
    @Operation(summary = "A site's newest rejected messages and readings, with the reason and what to fix (docs/protocol.md)")
    List<RejectionView> rejections(@PathVariable String siteId,
                                   @Parameter(description = "at most this many, 1..200") @RequestParam(defaultValue = "20") int limit) {
        if (limit < 1 || limit > MAX_SIZE) {
            throw new IllegalArgumentException("parameter 'limit' must be within 1.." + MAX_SIZE + ", was " + limit);
        }
        return query.rejections(siteId, limit).stream().map(r -> new RejectionView(DashboardViews.jst(r.receivedAt()), r.reason(),
                r.detail(), r.messageId())).toList();
    }
}
