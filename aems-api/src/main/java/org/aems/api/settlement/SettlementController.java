package org.aems.api.settlement;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.aems.api.settlement.SettlementViews.DiffPage;
import org.aems.api.settlement.SettlementViews.FeedPage;
import org.aems.api.settlement.SettlementViews.Run;
import org.aems.api.settlement.SettlementViews.RunPage;
import org.aems.api.settlement.SettlementViews.SiteLines;
import org.aems.api.settlement.SettlementViews.Statement;
import org.aems.api.settlement.SettlementViews.StatementPage;
import org.aems.core.settlement.SettlementPeriod;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The billing API of the surplus buy-back: runs, their statements, recomputed slot lines, the diff against
 * the previous version, the export of a FINAL run and the feed of finalised statements (docs/settlement.md).
 * Who acts is the authenticated caller (issue #7): a run cannot be finalised by whoever created it.
 */
@RestController
@RequestMapping("/api/v1/settlement")
@Tag(name = "settlement", description = "Surplus buy-back settlement runs and purchase statements (仕入明細書)")
class SettlementController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final int MAX_LIMIT = 10_000;

    private final SettlementRunner runner;
    private final RunStore runs;
    private final RunDiffQuery diffs;
    private final SlotLineRecomputer lines;
    private final RunExport export;
    private final StatementFeed feed;
    private final IdempotentRuns idempotentRuns;

    SettlementController(SettlementRunner runner, RunStore runs, RunDiffQuery diffs, SlotLineRecomputer lines, RunExport export,
                         StatementFeed feed, IdempotentRuns idempotentRuns) {
        this.runner = runner;
        this.idempotentRuns = idempotentRuns;
        this.runs = runs;
        this.diffs = diffs;
        this.lines = lines;
        this.export = export;
        this.feed = feed;
    }

    /** A JST calendar month ("2026-05"), or a meter-reading period from one reading day to the next. */
    record RunRequest(String month, String from, String until) {
        SettlementPeriod period() {
            try {
                if (month != null && from == null && until == null) {
                    return SettlementPeriod.calendarMonth(YearMonth.parse(month));
                }
                if (month == null && from != null && until != null) {
                    return SettlementPeriod.meterReading(LocalDate.parse(from), LocalDate.parse(until));
                }
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("month must look like 2026-05 and from/until like 2026-04-14, was '"
                        + e.getParsedString() + "'");
            }
            throw new IllegalArgumentException("give either 'month' (e.g. \"2026-05\") or both 'from' and 'until'"
                    + " (meter-reading days, e.g. \"2026-04-14\" and \"2026-05-14\")");
        }
    }

    record FinaliseRequest(Boolean acceptIncomplete, Boolean acceptProvisional) {
    }

    @PostMapping("/runs")
    @Operation(summary = "Settle a period as a new DRAFT version",
            description = "Computes every site's purchase statements from site_interval and stores them with a manifest of"
                    + " the inputs. A period already run gets version n+1 with a diff against version n. 422 with the"
                    + " problems when contracts overlap, leave a gap or a market price is missing; nothing is then written.")
    ResponseEntity<Run> createRun(java.security.Principal who,
                                  @Parameter(description = "makes retries safe: a key seen before (from the same user) answers"
                                          + " 200 with the run its first request made, header Idempotency-Replayed: true;"
                                          + " the same key for another period is 422 IDEMPOTENCY_KEY_REUSED")
                                  @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
                                  @RequestBody RunRequest request) {
        String user = who.getName();
        SettlementPeriod period = request.period();
        if (idempotencyKey == null) {
            long id = runner.run(period, user);
            return ResponseEntity.created(URI.create("/api/v1/settlement/runs/" + id)).body(runs.run(id));
        }
        IdempotentRuns.Outcome outcome = idempotentRuns.run(user, idempotencyKey, period, () -> runner.run(period, user));
        URI location = URI.create("/api/v1/settlement/runs/" + outcome.runId());
        return outcome.replayed()
                ? ResponseEntity.ok().location(location).header("Idempotency-Replayed", "true").body(runs.run(outcome.runId()))
                : ResponseEntity.created(location).body(runs.run(outcome.runId()));
    }

    @GetMapping("/runs")
    @Operation(summary = "Runs, newest first", description = "Follow 'next' for older runs.")
    RunPage listRuns(@Parameter(description = "cursor from the previous page's 'next'") @RequestParam(required = false) String before,
                     @RequestParam(defaultValue = "100") int limit) {
        return runs.runs(Optional.ofNullable(before).map(RunStore::decodeRunCursor), limit(limit));
    }

    @GetMapping("/runs/{runId}")
    @Operation(summary = "One run with its manifest")
    Run run(@PathVariable long runId) {
        return runs.run(runId);
    }

    @PostMapping("/runs/{runId}/finalise")
    @Operation(summary = "DRAFT → FINAL",
            description = "Needs another person than the creator (403 FOUR_EYES). A run with incomplete statements or supply"
                    + " bills needs acceptIncomplete=true (409 INCOMPLETE_STATEMENTS otherwise); one with provisional ones (gateway"
                    + " values where certified values are expected) needs acceptProvisional=true (409 PROVISIONAL_STATEMENTS"
                    + " otherwise). Each decision is recorded on the run. A superseded version cannot be finalised."
                    + " Repeating the request as the same person returns the run unchanged.")
    Run finalise(@PathVariable long runId, java.security.Principal who, @RequestBody(required = false) FinaliseRequest request) {
        String user = who.getName();
        RunStore.Decisions decisions = request == null ? RunStore.Decisions.NONE : new RunStore.Decisions(
                Boolean.TRUE.equals(request.acceptIncomplete()), Boolean.TRUE.equals(request.acceptProvisional()));
        return runs.finalise(runId, user, decisions);
    }

    @GetMapping("/runs/{runId}/statements")
    @Operation(summary = "Statements of a run by site", description = "Follow 'next' for further pages.")
    StatementPage statements(@PathVariable long runId, @RequestParam(required = false) String after,
                             @RequestParam(defaultValue = "1000") int limit) {
        return runs.statements(runId, Optional.ofNullable(after), limit(limit));
    }

    @GetMapping("/runs/{runId}/statements/{siteId}")
    @Operation(summary = "The statements of one site in a run (one per contract segment)")
    java.util.List<Statement> siteStatements(@PathVariable long runId, @PathVariable String siteId) {
        runs.run(runId);
        java.util.List<Statement> list = runs.statementsOfSite(runId, siteId);
        if (list.isEmpty()) {
            throw new RunNotFoundException("settlement run " + runId + " has no statement for site " + siteId);
        }
        return list;
    }

    @GetMapping("/runs/{runId}/statements/{siteId}/lines")
    @Operation(summary = "Slot lines of a site, recomputed",
            description = "Recomputed from the intervals as the run's snapshot saw them and the run's manifest; they add up"
                    + " bit for bit to the stored statement, also after late data or a corrected certified file (ADR 0021). Runs"
                    + " from before that: 409 INTERVALS_CHANGED (re-run the period).")
    SiteLines slotLines(@PathVariable long runId, @PathVariable String siteId) {
        return lines.lines(runId, siteId);
    }

    @GetMapping("/runs/{runId}/diff")
    @Operation(summary = "Per-site changes against the previous version of the period")
    DiffPage diff(@PathVariable long runId, @RequestParam(required = false) String after,
                  @RequestParam(defaultValue = "1000") int limit) {
        return diffs.diff(runId, Optional.ofNullable(after), limit(limit));
    }

    @GetMapping("/runs/{runId}/export")
    @Operation(summary = "Export a FINAL run, streamed",
            description = "format=csv (default) or json. CSV is UTF-8 unless charset=Shift_JIS (or windows-31j) is given,"
                    + " as a parameter or in Accept-Charset.")
    ResponseEntity<StreamingResponseBody> export(@PathVariable long runId,
                                                 @RequestParam(defaultValue = "csv") String format,
                                                 @RequestParam(required = false) String charset,
                                                 @RequestHeader(value = HttpHeaders.ACCEPT_CHARSET, required = false) String acceptCharset) {
        Run run = export.exportable(runId);
        String name = "aems-buyback-" + run.periodFrom() + "-run" + run.id() + "-v" + run.version();
        if (format.equalsIgnoreCase("json")) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + ".json\"")
                    .body(out -> export.json(run, out));
        }
        if (!format.equalsIgnoreCase("csv")) {
            throw new IllegalArgumentException("parameter 'format' must be csv or json, was '" + format + "'");
        }
        Charset cs = charset != null ? RunExport.charset(charset) : fromAcceptCharset(acceptCharset);
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", cs))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + ".csv\"")
                .body(out -> export.csv(run, cs, out));
    }

    @GetMapping("/feed")
    @Operation(summary = "Finalised purchase statements since a cursor",
            description = "Poll with the 'next' of the previous answer; it is present even when nothing is new.")
    FeedPage feed(@RequestParam(required = false) String after, @RequestParam(defaultValue = "1000") int limit) {
        return feed.page(Optional.ofNullable(after), limit(limit));
    }

    @GetMapping("/supply-bills/feed")
    @Operation(summary = "Finalised supply bills (適格請求書) since a cursor",
            description = "For the billing system that invoices facilities. Poll with the 'next' of the previous answer; it is"
                    + " present even when nothing is new. A corrected run's bills appear again with previousRunId.")
    org.aems.api.settlement.SupplyBillViews.SupplyBillFeedPage supplyBillFeed(@RequestParam(required = false) String after,
                                                                             @RequestParam(defaultValue = "1000") int limit) {
        return feed.supplyBills(Optional.ofNullable(after), limit(limit));
    }

    /** Shift_JIS or Windows-31J when the client lists one of them; UTF-8 otherwise. */
    private static Charset fromAcceptCharset(String header) {
        if (header == null) {
            return StandardCharsets.UTF_8;
        }
        for (String part : header.split(",")) {
            String name = part.split(";")[0].trim();
            try {
                Charset cs = RunExport.charset(name);
                if (!cs.equals(StandardCharsets.UTF_8)) {
                    return cs;
                }
            } catch (IllegalArgumentException e) {
                // not one we write: look further
            }
        }
        return StandardCharsets.UTF_8;
    }

    private static int limit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("parameter 'limit' must be within 1.." + MAX_LIMIT + ", was " + limit);
        }
        return limit;
    }
}
