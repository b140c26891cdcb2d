package org.aems.api.ev;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.util.List;
import org.aems.api.config.NotFoundException;
import org.aems.core.grid.DeviceId;
import org.aems.core.grid.EvCharger;
import org.aems.core.grid.SiteId;
import org.aems.core.unit.Energy;
import org.aems.ingest.registry.RegistryStore;
import org.aems.optimizer.ev.Booking;
import org.aems.optimizer.ev.BookingStore;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * EV bookings from the car-sharing operator's system. PUT is idempotent: the same booking sent again replaces
 * itself, a changed one updates it, {@code cancelled: true} withdraws it. The optimizer steers a plugged booked
 * vehicle so it holds {@code requiredKwh} at departure.
 */
@RestController
class BookingController {

    private final BookingStore bookings;
    private final RegistryStore registry;
    private final Clock clock;

    BookingController(BookingStore bookings, RegistryStore registry, Clock clock) {
        this.bookings = bookings;
        this.registry = registry;
        this.clock = clock;
    }

    @PutMapping("/api/v1/ev-bookings/{id}")
    @Operation(summary = "Create or replace a booking", description = "201 when new, 200 when it replaced the same id. The site and its "
            + "charger must be registered.")
    ResponseEntity<BookingView> put(@PathVariable String id, @RequestBody BookingView body) {
        if (body == null || body.siteId() == null || body.charger() == null || body.pluggedFrom() == null || body.departure() == null
                || body.requiredKwh() == null || body.capacityKwh() == null) {
            throw new IllegalArgumentException("body must give siteId, charger, pluggedFrom, departure (ISO-8601 with offset), requiredKwh "
                    + "and capacityKwh");
        }
        if (body.id() != null && !body.id().equals(id)) {
            throw new IllegalArgumentException("body id '" + body.id() + "' differs from the path's '" + id + "'");
        }
        SiteId site = SiteId.of(body.siteId());
        boolean charger = registry.siteOf(site).map(s -> s.assetsOf(EvCharger.class).stream()
                .anyMatch(c -> c.id().value().equals(body.charger()))).orElseThrow(() -> new NotFoundException("SITE_NOT_FOUND",
                "no site '" + body.siteId() + "' in the registry"));
        if (!charger) {
            throw new IllegalArgumentException("site " + body.siteId() + " has no EV charger '" + body.charger() + "'");
        }
        Booking booking = new Booking(id, site, DeviceId.of(body.charger()), body.pluggedFrom().toInstant(), body.departure().toInstant(),
                Energy.ofKilowattHours(body.requiredKwh()), Energy.ofKilowattHours(body.capacityKwh()), Boolean.TRUE.equals(body.cancelled()));
        boolean created = bookings.put(booking, clock.instant());
        return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK).body(BookingView.of(booking));
    }

    @GetMapping("/api/v1/ev-bookings/{id}")
    @Operation(summary = "One booking")
    BookingView get(@PathVariable String id) {
        return bookings.find(id).map(BookingView::of)
                .orElseThrow(() -> new NotFoundException("BOOKING_NOT_FOUND", "no booking with id '" + id + "'"));
    }

    @GetMapping("/api/v1/ev-bookings")
    @Operation(summary = "A site's bookings, by plug-in time")
    List<BookingView> ofSite(@RequestParam String site) {
        return bookings.ofSite(SiteId.of(site)).stream().map(BookingView::of).toList();
    }
}
