package org.aems.ingest.rollup;

import java.util.Objects;

/**
 * One device's power readings inside a slot, aggregated by the store (sample-and-hold: each reading holds
 * until the next one, at most {@code power-hold}, clipped to the slot). Watt-milliseconds keep the sums
 * exact enough without a unit conversion per reading.
 *
 * @param device             the device id
 * @param coveredMillis      how much of the slot the held readings cover, 0..1,800,000
 * @param positiveWattMillis sum of value × held time over positive values (import, charging)
 * @param negativeWattMillis sum of |value| × held time over negative values (export, discharging), ≥ 0
 * @param maxWatts           the largest reading that covered part of the slot
 * @param minWatts           the smallest reading that covered part of the slot
 */
public record PowerSummary(String device, long coveredMillis, double positiveWattMillis, double negativeWattMillis,
                           double maxWatts, double minWatts) {
    public PowerSummary {
        Objects.requireNonNull(device, "device");
        if (coveredMillis < 0 || positiveWattMillis < 0 || negativeWattMillis < 0) {
            throw new IllegalArgumentException("covered time and energy sums must be >= 0, were " + coveredMillis + " ms, "
                    + positiveWattMillis + " and " + negativeWattMillis + " W·ms");
        }
    }
}
