package org.aems.api.alert;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.aems.api.config.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The alerts every part of AEMS raises through the shared seam (AlertSink), for operators to see and acknowledge. */
@RestController
@RequestMapping("/api/v1/alerts")
@Tag(name = "alerts", description = "Alerts: ingest, broker, optimizer; acknowledged by operators, forwarded by webhook and e-mail")
class AlertController {

    private static final int MAX_LIMIT = 500;

    private final AlertStore store;
    private final Clock clock;

    AlertController(AlertStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "Open alerts (most severe and newest first), then those closed within the last 'days'",
            description = "An alert is open until the part that raised it sees the condition end; acknowledging it says someone"
                    + " is on it and does not close it.")
    List<AlertView> list(@Parameter(description = "only open alerts") @RequestParam(defaultValue = "false") boolean open,
                         @Parameter(description = "closed alerts raised within this many days, 1..90") @RequestParam(defaultValue = "7") int days,
                         @Parameter(description = "at most this many, 1.." + MAX_LIMIT) @RequestParam(defaultValue = "100") int limit) {
        if (days < 1 || days > 90) {
            throw new IllegalArgumentException("parameter 'days' must be within 1..90, was " + days);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("parameter 'limit' must be within 1.." + MAX_LIMIT + ", was " + limit);
        }
        return store.list(open, clock.instant().minus(Duration.ofDays(days)), limit);
    }

    @PostMapping("/{id}/acknowledge")
    @Operation(summary = "Acknowledge an alert: records who and when (the first acknowledgement stands; repeating it changes nothing)")
    AlertView acknowledge(@PathVariable long id, Principal principal) {
        return store.acknowledge(id, principal.getName(), clock.instant())
                .orElseThrow(() -> new NotFoundException("ALERT_NOT_FOUND", "no alert " + id + "; list them with GET /api/v1/alerts"));
    }
}
