package org.aems.api.telemetry;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import org.aems.api.site.SiteNotFoundException;
import org.aems.core.grid.SiteId;
import org.aems.core.telemetry.Quantity;
import org.aems.core.telemetry.TelemetryCodec;
import org.aems.ingest.registry.RegistryStore;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/** Stored telemetry of a site, exactly as received (canonical units, natural key, no aggregation). */
@RestController
class ReadingsController {

    static final int MAX_LIMIT = 10_000;
    static final Duration DEFAULT_WINDOW = Duration.ofHours(1);

    private final ReadingQuery query;
    private final RegistryStore registry;
    private final Clock clock;

    ReadingsController(ReadingQuery query, RegistryStore registry, Clock clock) {
        this.query = query;
        this.registry = registry;
        this.clock = clock;
    }

    @GetMapping("/api/v1/sites/{siteId}/readings")
    @Operation(summary = "Readings of a site in [from, to)",
            description = "Ordered by (ts, device, quantity). Follow 'next' for further pages. Default window: the last hour.")
    ReadingPage readings(@PathVariable String siteId,
                         @Parameter(description = "inclusive start, ISO-8601 with offset, e.g. 2026-05-12T00:00:00+09:00")
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
                         @Parameter(description = "exclusive end, ISO-8601 with offset (default: now)")
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
                         @Parameter(description = "only this quantity, e.g. meter.power") @RequestParam(required = false) String quantity,
                         @Parameter(description = "only this device, e.g. meter-1") @RequestParam(required = false) String device,
                         @Parameter(description = "readings per page, 1.." + MAX_LIMIT) @RequestParam(defaultValue = "1000") int limit,
                         @Parameter(description = "cursor from the previous page's 'next'") @RequestParam(required = false) String after,
                         UriComponentsBuilder uri) {
        SiteId site = SiteId.of(siteId);
        if (!registry.exists(site)) {
            throw new SiteNotFoundException(siteId);
        }
        Instant end = to == null ? clock.instant() : to.toInstant();
        Instant start = from == null ? end.minus(DEFAULT_WINDOW) : from.toInstant();
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("parameter 'from' (" + TelemetryCodec.format(start) + ") must be before 'to' ("
                    + TelemetryCodec.format(end) + ")");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("parameter 'limit' must be within 1.." + MAX_LIMIT + ", was " + limit);
        }
        Optional<Quantity> q = Optional.ofNullable(quantity).map(name -> Quantity.fromWireName(name).orElseThrow(() ->
                new IllegalArgumentException("parameter 'quantity' must be a wire format v1 quantity such as meter.power, was '"
                        + name + "'")));
        ReadingQuery.Result result = query.find(site, start, end, q, Optional.ofNullable(device),
                Optional.ofNullable(after).map(ReadingQuery.Cursor::decode), limit);
        // Values go in as URI variables so they are encoded strictly: the '+' of "+09:00" must become %2B.
        String next = result.next().map(cursor -> uri.path("/api/v1/sites/{site}/readings")
                .queryParam("from", "{from}")
                .queryParam("to", "{to}")
                .queryParamIfPresent("quantity", q.map(x -> "{quantity}"))
                .queryParamIfPresent("device", Optional.ofNullable(device).map(x -> "{device}"))
                .queryParam("limit", limit)
                .queryParam("after", "{after}")
                .encode()
                .buildAndExpand(Map.of("site", siteId, "from", TelemetryCodec.format(start), "to", TelemetryCodec.format(end),
                        "quantity", quantity == null ? "" : quantity, "device", device == null ? "" : device,
                        "after", cursor.encode()))
                .toUriString()).orElse(null);
        return new ReadingPage(siteId, TelemetryCodec.format(start), TelemetryCodec.format(end), result.readings(), next);
    }
}
