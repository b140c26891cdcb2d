package org.aems.api.series;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.aems.api.series.SeriesViews.SeriesSummary;
import org.aems.api.series.SeriesViews.ValuePage;
import org.aems.api.series.SeriesViews.Version;
import org.aems.api.series.SeriesViews.VersionPage;
import org.aems.core.series.SeriesId;
import org.aems.core.series.SeriesVersion;
import org.aems.core.time.Jst;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * External series (JEPX spot and imbalance prices, fuel-cost adjustments, grid CO2 factors): upload a new
 * version as CSV, list versions, read values as known at an instant. Versions are never changed; a correction
 * is a new version, and settlement runs record which versions they used.
 */
@RestController
@RequestMapping("/api/v1/series")
@Tag(name = "series", description = "Versioned external series: prices (yen/kWh) and CO2 factors (kg-CO2/kWh)")
class SeriesController {

    static final Duration MAX_WINDOW = Duration.ofDays(92);
    private static final String SERIES_ID = "[a-z0-9][a-z0-9._-]{0,99}";

    private final SeriesImport imports;
    private final SeriesQuery query;
    private final Clock clock;

    SeriesController(SeriesImport imports, SeriesQuery query, Clock clock) {
        this.imports = imports;
        this.query = query;
        this.clock = clock;
    }

    @PostMapping(path = "/{seriesId}/versions", consumes = "text/csv")
    @Operation(summary = "Upload the next version of a series as CSV",
            description = "Header 'date,slot,value' (JST date, slot 1-48) or 'from,until,value' (JST dates or ISO timestamps,"
                    + " until exclusive). The file is all or nothing: 422 SERIES_FILE_INVALID lists every problem with its"
                    + " line. Values replace earlier versions' for the periods they cover; elsewhere earlier values stay.")
    ResponseEntity<Version> upload(@PathVariable String seriesId, java.security.Principal who,
                                   @Parameter(description = "yen/kWh or kg-CO2/kWh") @RequestParam String unit,
                                   @Parameter(description = "where the values come from, e.g. 'JEPX spot 2026-05-11 publication'")
                                   @RequestParam String source,
                                   jakarta.servlet.http.HttpServletRequest request) throws java.io.IOException {
        String user = who.getName();
        SeriesId id = seriesId(seriesId);
        if (source.isBlank() || source.length() > 500) {
            throw new IllegalArgumentException("parameter 'source' must say where the values come from (1-500 characters)");
        }
        try (Reader csv = new InputStreamReader(request.getInputStream(), StandardCharsets.UTF_8)) {
            SeriesVersion stored = imports.importVersion(id, SeriesUnit.of(unit), source, user, csv);
            Version view = query.versions(id).versions().stream().filter(v -> v.version() == stored.version()).findFirst()
                    .orElseThrow();
            return ResponseEntity.created(URI.create("/api/v1/series/" + id + "/versions")).body(view);
        }
    }

    @GetMapping
    @Operation(summary = "Every series with its unit and latest version")
    List<SeriesSummary> all() {
        return query.all();
    }

    @GetMapping("/{seriesId}/versions")
    @Operation(summary = "The versions of a series, oldest first, with who uploaded them and the period each covers")
    VersionPage versions(@PathVariable String seriesId) {
        return query.versions(seriesId(seriesId));
    }

    @GetMapping("/{seriesId}/values")
    @Operation(summary = "Values in force over JST days [from, until) as known at 'asOf' (default now)",
            description = "Each row names the version it comes from. At most 92 days per request.")
    ValuePage values(@PathVariable String seriesId, @RequestParam LocalDate from, @RequestParam LocalDate until,
                     @Parameter(description = "ISO timestamp with offset; versions published after it are ignored")
                     @RequestParam(required = false) OffsetDateTime asOf) {
        Instant start = from.atStartOfDay(Jst.ZONE).toInstant();
        Instant end = until.atStartOfDay(Jst.ZONE).toInstant();
        if (!end.isAfter(start) || Duration.between(start, end).compareTo(MAX_WINDOW) > 0) {
            throw new IllegalArgumentException("'until' must be after 'from' and at most 92 days later, were " + from + " and " + until);
        }
        return query.values(seriesId(seriesId), start, end, Optional.ofNullable(asOf).map(OffsetDateTime::toInstant)
                .orElse(clock.instant()));
    }

    private static SeriesId seriesId(String text) {
        if (!text.matches(SERIES_ID)) {
            throw new IllegalArgumentException("series id must be 1-100 lower-case letters, digits, '.', '_' or '-' starting with a"
                    + " letter or digit (e.g. jepx.spot.tokyo), was '" + text + "'");
        }
        return new SeriesId(text);
    }
}
