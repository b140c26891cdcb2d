package org.aems.api.ev;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.aems.core.time.Jst;
import org.aems.optimizer.ev.Booking;

/** A shared vehicle's booking at a charger, as the car-sharing system sends it and reads it back (kWh, JST). */
public record BookingView(String id, String siteId, String charger, OffsetDateTime pluggedFrom, OffsetDateTime departure,
                          BigDecimal requiredKwh, BigDecimal capacityKwh, Boolean cancelled) {

    static BookingView of(Booking b) {
        return new BookingView(b.id(), b.site().value(), b.charger().value(), Jst.toJst(b.pluggedFrom()).toOffsetDateTime(),
                Jst.toJst(b.departure()).toOffsetDateTime(), b.required().toKilowattHours(), b.capacity().toKilowattHours(), b.cancelled());
    }
}
