package org.aems.api.plan;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.Clock;
import java.time.LocalDate;
import org.aems.optimizer.plan.MarketPlanQuery;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Demand and generation sub-plans and the JEPX day-ahead procurement proposal for a day. */
@RestController
class MarketPlanController {

    private final MarketPlanQuery query;
    private final Clock clock;

    MarketPlanController(MarketPlanQuery query, Clock clock) {
        this.query = query;
        this.clock = clock;
    }

    @GetMapping("/api/v1/market-plan")
    @Operation(summary = "Demand and generation sub-plans and the JEPX procurement proposal for a JST day",
            description = "Forecast from the site intervals known at 09:30 JST the day before (or now, if earlier): demand = what the "
                    + "registered sites import, generation = the 卒FIT surplus bought from them, procurement = demand less generation "
                    + "at the expected price. 409 NOT_ENOUGH_HISTORY before a day of intervals exists.")
    MarketPlanView day(@Parameter(description = "JST day, e.g. 2026-05-13") @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                       LocalDate date) {
        return MarketPlanView.of(query.day(date, clock.instant()));
    }
}
