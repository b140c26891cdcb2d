package org.aems.api.dashboard;

import java.time.Instant;
import java.util.Optional;

/**
 * A feeder's storage and EVs as their gateways last reported them (each site's newest reading, whatever its age:
 * {@code newest} and {@code oldest} say how fresh).
 *
 * @param batterySites     sites with a battery state of charge
 * @param averageSocPercent their mean state of charge, empty without any
 * @param chargers         sites with an EV charger that reported
 * @param plugged          of those, with an EV plugged in
 * @param charging         of those, drawing power (discharging, V2X, counts as not charging)
 */
record FeederNow(int batterySites, Optional<Double> averageSocPercent, int chargers, int plugged, int charging,
                 Optional<Instant> oldest, Optional<Instant> newest) {
}
