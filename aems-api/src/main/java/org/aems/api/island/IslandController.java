package org.aems.api.island;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.util.List;
import org.aems.api.config.NotFoundException;
import org.aems.core.grid.FeederId;
import org.aems.ingest.registry.RegistryStore;
import org.aems.optimizer.island.IslandStore;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Islanded feeders (地域マイクログリッド): an operator declares a feeder islanded when it is cut off; the next
 * optimizer round runs it on its own (shelters first) and reports its hours of autonomy.
 */
@RestController
class IslandController {

    private final IslandStore islands;
    private final RegistryStore registry;
    private final Clock clock;

    IslandController(IslandStore islands, RegistryStore registry, Clock clock) {
        this.islands = islands;
        this.registry = registry;
        this.clock = clock;
    }

    @GetMapping("/api/v1/islands")
    @Operation(summary = "Islanded feeders now, with hours of autonomy and what is served")
    List<IslandView> open() {
        return islands.open().stream().map(IslandView::of).toList();
    }

    @PostMapping("/api/v1/feeders/{feeder}/island")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Declare a feeder islanded", description = "From the next optimizer round the feeder is planned on its own: "
            + "evacuation shelters first, the grid-forming battery keeps headroom, PV is held to the load. 409 if it already is.")
    IslandView declare(@PathVariable String feeder, @RequestBody IslandView.Declaration body) {
        if (body == null || blank(body.declaredBy()) || blank(body.reason())) {
            throw new IllegalArgumentException("body must give 'declaredBy' (who) and 'reason' (why), e.g. "
                    + "{\"declaredBy\":\"operator-a\",\"reason\":\"substation breaker open\"}");
        }
        FeederId id = FeederId.of(feeder);
        if (!registry.feederExists(id)) {
            throw new NotFoundException("FEEDER_NOT_FOUND", "no feeder '" + feeder + "' in the registry");
        }
        return IslandView.of(islands.declare(id, body.declaredBy(), body.reason(), clock.instant()));
    }

    @DeleteMapping("/api/v1/feeders/{feeder}/island")
    @Operation(summary = "End a feeder's island (grid restored)")
    IslandView end(@PathVariable String feeder, @RequestBody IslandView.Ending body) {
        if (body == null || blank(body.endedBy())) {
            throw new IllegalArgumentException("body must give 'endedBy' (who), e.g. {\"endedBy\":\"operator-a\"}");
        }
        return islands.end(FeederId.of(feeder), body.endedBy(), clock.instant()).map(IslandView::of)
                .orElseThrow(() -> new NotFoundException("ISLAND_NOT_FOUND", "feeder '" + feeder + "' is not islanded"));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
