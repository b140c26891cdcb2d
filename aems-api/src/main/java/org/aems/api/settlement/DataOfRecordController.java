package org.aems.api.settlement;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.aems.api.config.NotFoundException;
import org.aems.api.settlement.ReconciliationViews.ReconciliationPage;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The data of record (ADR 0014): import of the transmission operator's certified 30-minute values and their
 * reconciliation with the gateway intervals (docs/settlement.md, "Data of record").
 */
@RestController
@RequestMapping("/api/v1/settlement")
@Tag(name = "settlement", description = "Surplus buy-back settlement runs and purchase statements (仕入明細書)")
class DataOfRecordController {

    private final CertifiedImport imports;
    private final CertifiedBatches batches;
    private final Reconciliation reconciliation;

    DataOfRecordController(CertifiedImport imports, CertifiedBatches batches, Reconciliation reconciliation) {
        this.imports = imports;
        this.batches = batches;
        this.reconciliation = reconciliation;
    }

    @PostMapping(path = "/certified-intervals", consumes = {"text/csv", "text/plain"})
    @Operation(summary = "Import certified 30-minute values (CSV)",
            description = "Header supply_point_number,date,slot,import_kwh,export_kwh (JST day, slot 1..48, kWh with at most"
                    + " 3 decimals). Streamed; each refused line is reported with its number and reason, the others are"
                    + " stored. A later file supersedes earlier values for the same supply point and slot; history is kept."
                    + " 201 with the report; the same file again (same SHA-256) answers 200 with the first import's report.")
    ResponseEntity<CertifiedImportReport> importCertified(java.security.Principal who,
                                                          @Parameter(description = "the file's name, recorded with the batch")
                                                          @RequestParam(required = false) String fileName,
                                                          InputStream body) {
        String user = who.getName();
        CertifiedImportReport report = imports.importCsv(body, Optional.ofNullable(fileName), user);
        return ResponseEntity.status(report.alreadyImported() ? HttpStatus.OK : HttpStatus.CREATED)
                .location(java.net.URI.create("/api/v1/settlement/certified-intervals/batches/" + report.batchId())).body(report);
    }

    @GetMapping("/certified-intervals/batches/{batchId}")
    @Operation(summary = "The report of a certified import batch",
            description = "With its refused lines in line order, 1,000 at a time: ask again with afterLine = the last line shown"
                    + " while rejectionsTruncated is true.")
    CertifiedImportReport batch(@PathVariable long batchId, @RequestParam(defaultValue = "0") long afterLine) {
        return batches.batch(batchId, afterLine).orElseThrow(() -> new NotFoundException("BATCH_NOT_FOUND",
                "no certified import batch " + batchId));
    }

    @GetMapping("/reconciliation")
    @Operation(summary = "Gateway intervals against certified values, per site and slot",
            description = "JST days from..until (exclusive), at most 62. Per site: slots compared, differing, the summed"
                    + " difference (gateway − certified, Wh) and slots only one source has, with those slots listed."
                    + " Paged by site: follow 'next'. format=csv streams every listed slot of the range instead.")
    ReconciliationPage reconciliation(@RequestParam String from, @RequestParam String until,
                                      @RequestParam(required = false) String siteId,
                                      @RequestParam(required = false) String after,
                                      @RequestParam(defaultValue = "100") int limit,
                                      @RequestParam(defaultValue = "json") String format) {
        if (!format.equalsIgnoreCase("json")) {
            throw new IllegalArgumentException("parameter 'format' must be json or csv, was '" + format + "'");
        }
        if (limit < 1 || limit > 1_000) {
            throw new IllegalArgumentException("parameter 'limit' must be within 1..1000 (sites per page), was " + limit);
        }
        return reconciliation.page(day("from", from), day("until", until), Optional.ofNullable(siteId), Optional.ofNullable(after),
                limit);
    }

    /** The same as CSV, every listed slot of the range (no paging), streamed. */
    @GetMapping(path = "/reconciliation", params = "format=csv")
    ResponseEntity<StreamingResponseBody> reconciliationCsv(@RequestParam String from, @RequestParam String until,
                                                            @RequestParam(required = false) String siteId) {
        LocalDate first = day("from", from);
        LocalDate last = day("until", until);
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"aems-reconciliation-" + first + "-" + last + ".csv\"")
                .body(out -> reconciliation.csv(first, last, Optional.ofNullable(siteId), out));
    }

    private static LocalDate day(String name, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("parameter '" + name + "' must be a JST day like 2026-05-01, was '" + value + "'");
        }
    }
}
