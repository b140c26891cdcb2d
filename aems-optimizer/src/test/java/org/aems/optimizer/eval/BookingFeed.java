package org.aems.optimizer.eval;

import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.aems.core.grid.DeviceId;
import org.aems.core.grid.SiteId;
import org.aems.core.unit.Energy;
import org.aems.optimizer.ev.Booking;
import org.aems.optimizer.ev.BookingStore;
import org.aems.simulators.ev.EvModel;

/**
 * Plays the car-sharing system for the transport loop: before each round it sends every shared vehicle's trips that
 * depart within the planning horizon and are not booked yet to the platform's booking table, as the operator's system
 * would through the booking API. A booking runs from the vehicle's return (or now, when it is plugged in as the trip is
 * first seen) to the trip's departure and asks for the energy the member booked. Each trip is sent once: re-sent
 * every round, a plugged vehicle's booking started at each round's time, which shrank the window ingest's history
 * leaves out of the learned demand (ADR 0024) and let the earlier hours' charging count as demand.
 */
final class BookingFeed {

    private final BookingStore store;
    /** The trips sent so far, as the car-sharing system keeps them (it is the only writer of the booking table here). */
    private final Set<String> sent = new HashSet<>();

    BookingFeed(BookingStore store) {
        this.store = store;
    }

    /** Sends the trips departing in {@code [now, until)} not sent before; returns how many. */
    int send(Map<String, EvModel> vehicles, Instant now, Instant until) {
        int added = 0;
        for (Map.Entry<String, EvModel> e : vehicles.entrySet()) {
            EvModel vehicle = e.getValue();
            String[] siteAndCharger = e.getKey().split("/", 2);
            Instant back = vehicle.plugged() ? now : vehicle.backAt().orElse(now);
            Energy capacity = Energy.ofWattHours(Math.round(vehicle.capacityWh()));
            for (org.aems.simulators.ev.Booking trip : vehicle.tripsDeparting(now, until)) {
                String id = e.getKey() + "@" + trip.departure().getEpochSecond();
                if (trip.departure().isAfter(back) && sent.add(id)) {
                    Energy needed = Energy.ofWattHours(Math.min(Math.round(trip.energyNeededWh()), capacity.wattHours()));
                    store.put(new Booking(id, SiteId.of(siteAndCharger[0]), DeviceId.of(siteAndCharger[1]), back, trip.departure(), needed,
                            capacity, false), now);
                    added++;
                }
                back = trip.returnAt();
            }
        }
        return added;
    }
}
