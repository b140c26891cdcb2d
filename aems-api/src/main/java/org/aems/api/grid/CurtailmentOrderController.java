package org.aems.api.grid;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.aems.api.config.NotFoundException;
import org.aems.core.grid.FeederId;
import org.aems.ingest.registry.RegistryStore;
import org.aems.optimizer.grid.CurtailmentOrder;
import org.aems.optimizer.grid.CurtailmentOrderStore;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Output curtailment orders from the transmission operator. PUT is idempotent by order id; {@code cancelled:
 * true} withdraws an order. The next optimizer round plans with the PV an order leaves and holds the
 * inverters it may command to the order's share of their peak power.
 */
@RestController
class CurtailmentOrderController {

    private final CurtailmentOrderStore orders;
    private final RegistryStore registry;
    private final Clock clock;

    CurtailmentOrderController(CurtailmentOrderStore orders, RegistryStore registry, Clock clock) {
        this.orders = orders;
        this.registry = registry;
        this.clock = clock;
    }

    @PutMapping("/api/v1/curtailment-orders/{id}")
    @Operation(summary = "Create or replace an output curtailment order", description = "feederId empty = every feeder; maxShare 0 = stop. "
            + "201 when new, 200 when it replaced the same id.")
    ResponseEntity<CurtailmentOrderView> put(@PathVariable String id, @RequestBody CurtailmentOrderView body) {
        if (body == null || body.issuedBy() == null || body.validFrom() == null || body.validUntil() == null || body.maxShare() == null) {
            throw new IllegalArgumentException("body must give issuedBy, validFrom, validUntil (ISO-8601 with offset) and maxShare (0 = stop); "
                    + "feederId is optional (empty = every feeder)");
        }
        Optional<FeederId> feeder = Optional.ofNullable(body.feederId()).filter(f -> !f.isBlank()).map(FeederId::of);
        if (feeder.isPresent() && !registry.feederExists(feeder.get())) {
            throw new NotFoundException("FEEDER_NOT_FOUND", "no feeder '" + body.feederId() + "' in the registry");
        }
        CurtailmentOrder order = new CurtailmentOrder(id, body.issuedBy(), feeder, body.validFrom().toInstant(), body.validUntil().toInstant(),
                body.maxShare().doubleValue(), Boolean.TRUE.equals(body.cancelled()));
        boolean created = orders.put(order, clock.instant());
        return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK).body(CurtailmentOrderView.of(order));
    }

    @GetMapping("/api/v1/curtailment-orders")
    @Operation(summary = "Orders in force now or in the next two days")
    List<CurtailmentOrderView> current() {
        Instant now = clock.instant();
        return orders.overlapping(now, now.plus(Duration.ofDays(2))).stream().map(CurtailmentOrderView::of).toList();
    }
}
