package org.aems.api.settlement;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.aems.api.settlement.SettlementViews.Run;
import org.aems.api.settlement.SupplyBillViews.SupplyBill;
import org.aems.api.settlement.SupplyBillViews.SupplyBillDiffPage;
import org.aems.api.settlement.SupplyBillViews.SupplyBillLines;
import org.aems.api.settlement.SupplyBillViews.SupplyBillPage;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The supply bills (適格請求書) a calendar-month run made for facilities with a supply contract, and their
 * export once the run is FINAL (docs/settlement.md "Supply bills", ADR 0013).
 */
@RestController
@RequestMapping("/api/v1/settlement/runs/{runId}/supply-bills")
@Tag(name = "settlement", description = "Surplus buy-back settlement runs and purchase statements (仕入明細書)")
class SupplyBillController {

    private final SupplyBillStore bills;
    private final RunStore runs;
    private final RunExport runExport;
    private final SupplyBillExport export;
    private final SupplyLineRecomputer lines;
    private final SupplyBillDiffQuery diffs;

    SupplyBillController(SupplyBillStore bills, RunStore runs, RunExport runExport, SupplyBillExport export,
                         SupplyLineRecomputer lines, SupplyBillDiffQuery diffs) {
        this.bills = bills;
        this.runs = runs;
        this.runExport = runExport;
        this.export = export;
        this.lines = lines;
        this.diffs = diffs;
    }

    @GetMapping
    @Operation(summary = "Supply bills of a run by site", description = "Follow 'next' for further pages.")
    SupplyBillPage page(@PathVariable long runId, @RequestParam(required = false) String after,
                        @RequestParam(defaultValue = "1000") int limit) {
        return bills.page(runId, Optional.ofNullable(after), limit(limit));
    }

    @GetMapping("/diff")
    @Operation(summary = "Per-facility changes of the supply bills against the previous version of the period")
    SupplyBillDiffPage diff(@PathVariable long runId, @RequestParam(required = false) String after,
                            @RequestParam(defaultValue = "1000") int limit) {
        return diffs.diff(runId, Optional.ofNullable(after), limit(limit));
    }

    @GetMapping("/{siteId}")
    @Operation(summary = "The supply bill of one facility in a run, with its lines and qualified-invoice particulars")
    List<SupplyBill> site(@PathVariable long runId, @PathVariable String siteId) {
        runs.run(runId);
        List<SupplyBill> list = bills.ofSite(runId, siteId);
        if (list.isEmpty()) {
            throw new RunNotFoundException("settlement run " + runId + " has no supply bill for site " + siteId);
        }
        return list;
    }

    @GetMapping("/{siteId}/lines")
    @Operation(summary = "Slot lines of a supply bill's energy charge, recomputed",
            description = "Recomputed from the intervals as the run's snapshot saw them, the contract version and the stored"
                    + " prices; the whole bill must come out the same, also after late data (ADR 0021); else 409 INTERVALS_CHANGED.")
    List<SupplyBillLines> slotLines(@PathVariable long runId, @PathVariable String siteId) {
        return lines.lines(runId, siteId);
    }

    @GetMapping("/export")
    @Operation(summary = "Export the supply bills of a FINAL run",
            description = "format=csv (default) or json. CSV is UTF-8 unless charset=Shift_JIS (or windows-31j) is given.")
    ResponseEntity<StreamingResponseBody> export(@PathVariable long runId, @RequestParam(defaultValue = "csv") String format,
                                                 @RequestParam(required = false) String charset) {
        Run run = runExport.exportable(runId); // FINAL only, like the statements
        String name = "aems-supply-" + run.periodFrom() + "-run" + run.id() + "-v" + run.version();
        if (format.equalsIgnoreCase("json")) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + ".json\"")
                    .body(out -> export.json(run, out));
        }
        if (!format.equalsIgnoreCase("csv")) {
            throw new IllegalArgumentException("parameter 'format' must be csv or json, was '" + format + "'");
        }
        Charset cs = charset == null ? StandardCharsets.UTF_8 : RunExport.charset(charset);
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", cs))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + ".csv\"")
                .body(out -> export.csv(run, cs, out));
    }

    private static int limit(int limit) {
        if (limit < 1 || limit > SettlementController.MAX_LIMIT) {
            throw new IllegalArgumentException("parameter 'limit' must be within 1.." + SettlementController.MAX_LIMIT + ", was " + limit);
        }
        return limit;
    }
}
