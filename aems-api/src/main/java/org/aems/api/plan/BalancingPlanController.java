package org.aems.api.plan;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.aems.optimizer.plan.BalancingPlanQuery;
import java.util.function.Function;
import org.aems.core.time.Slot;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** The balancing group's plan (計画値) per slot: day-ahead, in force at gate closure, actual, imbalance. */
@RestController
class BalancingPlanController {

    private final BalancingPlanQuery query;
    private final ImbalanceQuotes imbalancePrices;
    private final org.aems.api.settlement.CertifiedActuals certified;

    BalancingPlanController(BalancingPlanQuery query, ImbalanceQuotes imbalancePrices, org.aems.api.settlement.CertifiedActuals certified) {
        this.query = query;
        this.imbalancePrices = imbalancePrices;
        this.certified = certified;
    }

    @GetMapping("/api/v1/balancing-plan")
    @Operation(summary = "The balancing group's plan for a JST day, per slot",
            description = "Day-ahead value (bank plans made by 12:00 JST the day before), value in force at each slot's gate closure, "
                    + "actual net import (actualSource CERTIFIED: the transmission operator's certified values, when every site has one; "
                    + "else GATEWAY: the platform's meters, only when every site reported), estimated imbalance in kWh and yen "
                    + "at the newest imbalance price published for the slot (preliminary or final: the row names the series version) or "
                    + "an estimate. Covers only the sites registered in this platform.")
    BalancingPlanView day(@Parameter(description = "JST day, e.g. 2026-05-12") @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                          LocalDate date) {
        Function<Slot, ImbalanceQuotes.Quote> quotes = imbalancePrices.forDay(date);
        return BalancingPlanView.of(query.day(date, slot -> quotes.apply(slot).yenPerKwh(), certified.netImport(date)), quotes);
    }

    @GetMapping(value = "/api/v1/balancing-plan/csv", produces = "text/csv")
    @Operation(summary = "The balancing group's plan for a JST day as CSV (UTF-8), for the balancing group's own system")
    ResponseEntity<StreamingResponseBody> csv(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        BalancingPlanView plan = day(date);
        StreamingResponseBody body = out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            try (CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setHeader("date", "slot", "start_jst", "day_ahead_kwh",
                    "in_force_kwh", "actual_kwh", "imbalance_kwh", "imbalance_yen", "banks_planned", "sites_reporting", "sites",
                    "imbalance_price_yen_per_kwh", "imbalance_price_source", "actual_source").get())) {
                for (BalancingPlanView.Row r : plan.slots()) {
                    csv.printRecord(plan.day(), r.index(), r.start(), r.dayAheadKwh(), r.inForceKwh(), r.actualKwh(), r.imbalanceKwh(),
                            r.imbalanceYen(), r.banksPlanned(), r.sitesReporting(), r.sites(), r.imbalancePrice(), r.imbalancePriceSource(),
                            r.actualSource());
                }
            }
        };
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"balancing-plan-" + date + ".csv\"").body(body);
    }
}
