package org.aems.api.plan;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.aems.api.config.NotFoundException;
import org.aems.core.grid.BankId;
import org.aems.core.time.Jst;
import org.aems.core.time.Slot;
import org.aems.optimizer.plan.PlanStore;
import org.aems.optimizer.plan.StoredPlan;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** The optimizer's plans per bank, every version kept. */
@RestController
class PlanController {

    static final int MAX_PAGE_SIZE = 200;

    private final PlanStore plans;

    PlanController(PlanStore plans) {
        this.plans = plans;
    }

    @GetMapping("/api/v1/banks/{bank}/plans")
    @Operation(summary = "A bank's plan versions", description = "Newest first, without their slots.")
    List<PlanView> versions(@PathVariable String bank,
                            @Parameter(description = "page number, from 0") @RequestParam(defaultValue = "0") int page,
                            @Parameter(description = "versions per page, 1.." + MAX_PAGE_SIZE) @RequestParam(defaultValue = "48") int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("parameters 'page' must be >= 0 and 'size' within 1.." + MAX_PAGE_SIZE + ", were " + page
                    + " and " + size);
        }
        return plans.versions(BankId.of(bank), Math.multiplyExact(page, size), size).stream().map(PlanView::of).toList();
    }

    @GetMapping("/api/v1/banks/{bank}/plans/latest")
    @Operation(summary = "A bank's newest plan, per feeder and slot")
    PlanView latest(@PathVariable String bank) {
        return plans.latest(BankId.of(bank)).map(PlanView::of)
                .orElseThrow(() -> new NotFoundException("PLAN_NOT_FOUND", "bank '" + bank + "' has no plan yet; the optimizer plans "
                        + "each bank once per slot when aems.optimizer.enabled=true"));
    }

    @GetMapping("/api/v1/plans/{id}")
    @Operation(summary = "One plan version, per feeder and slot")
    PlanView get(@PathVariable long id) {
        return PlanView.of(find(id));
    }

    @GetMapping(value = "/api/v1/plans/{id}/csv", produces = "text/csv")
    @Operation(summary = "One plan version as CSV (UTF-8)", description = "One row per feeder and slot: feeder (empty = bank total), "
            + "JST date, slot 1..48, start (JST), net kWh (+ import), storage kWh (+ charging), EV kWh, curtailed kWh.")
    ResponseEntity<StreamingResponseBody> csv(@PathVariable long id) {
        StoredPlan plan = find(id);
        StreamingResponseBody body = out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            try (CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setHeader("bank", "plan", "feeder", "date", "slot",
                    "start_jst", "net_kwh", "storage_kwh", "ev_kwh", "curtailed_kwh").get())) {
                for (StoredPlan.PlanSlot s : plan.slots()) {
                    Slot slot = Slot.containing(s.slotStart());
                    csv.printRecord(plan.bank(), plan.id(), s.feeder(), slot.date(), slot.index(), Jst.toJst(s.slotStart()).toOffsetDateTime(),
                            PlanView.kwh(s.netWh()), PlanView.kwh(s.storageWh()), PlanView.kwh(s.evWh()), PlanView.kwh(s.curtailedWh()));
                }
            }
        };
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"plan-" + plan.bank() + "-" + plan.id() + ".csv\"")
                .body(body);
    }

    private StoredPlan find(long id) {
        return plans.find(id).orElseThrow(() -> new NotFoundException("PLAN_NOT_FOUND", "no plan version " + id));
    }
}
