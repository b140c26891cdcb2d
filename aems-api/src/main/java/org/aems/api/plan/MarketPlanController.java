package org.aems.api.plan;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.aems.core.time.Jst;
import org.aems.optimizer.plan.MarketPlanQuery;
import org.aems.optimizer.plan.MarketPlanStore;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Demand and generation sub-plans and the JEPX day-ahead procurement proposal for a day, and their stored versions. */
@RestController
class MarketPlanController {

    record VersionView(int version, String issuedAt, String storedAt, String storedBy) {
    }

    private final MarketPlanQuery query;
    private final MarketPlanStore store;
    private final Clock clock;

    MarketPlanController(MarketPlanQuery query, MarketPlanStore store, Clock clock) {
        this.query = query;
        this.store = store;
        this.clock = clock;
    }

    @GetMapping("/api/v1/market-plan")
    @Operation(summary = "Demand and generation sub-plans and the JEPX procurement proposal for a JST day",
            description = "The newest stored version (the optimizer stores tomorrow's at 09:30 JST; 'version' says which), else computed "
                    + "now from the feeder intervals known at 09:30 JST the day before (or now, if earlier; 'version' absent): demand = "
                    + "what the registered sites import, generation = the 卒FIT surplus bought from them, procurement = demand less "
                    + "generation at the expected price. 409 NOT_ENOUGH_HISTORY before a day of intervals exists.")
    MarketPlanView day(@Parameter(description = "JST day, e.g. 2026-05-13") @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                       LocalDate date) {
        return store.latest(date).map(MarketPlanView::of).orElseGet(() -> MarketPlanView.of(query.day(date, clock.instant())));
    }

    @PostMapping("/api/v1/market-plan")
    @Operation(summary = "Store the day's market plan as its next version, computed now (a re-proposal)")
    ResponseEntity<MarketPlanView> propose(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                                           java.security.Principal who) {
        String user = who.getName();
        Instant now = clock.instant();
        MarketPlanStore.Stored stored = store.store(query.day(date, now), now, user);
        return ResponseEntity.created(URI.create("/api/v1/market-plan?date=" + date)).body(MarketPlanView.of(stored));
    }

    @GetMapping("/api/v1/market-plan/versions")
    @Operation(summary = "The stored versions of a day's market plan, oldest first")
    List<VersionView> versions(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return store.versions(date).stream().map(v -> new VersionView(v.version(), jst(v.issuedAt()), jst(v.createdAt()), v.createdBy()))
                .toList();
    }

    private static String jst(Instant at) {
        return Jst.toJst(at).toOffsetDateTime().toString();
    }
}
