package org.aems.ingest.validation;

import java.time.Duration;

/**
 * Plausibility limits applied after decoding.
 *
 * @param maxClockSkew how far in the future (by our clock) a reading may be stamped; default 5 minutes
 * @param maxAge       oldest reading accepted; default 395 days, the raw-telemetry retention
 */
public record ValidationSettings(Duration maxClockSkew, Duration maxAge) {
    public ValidationSettings {
        maxClockSkew = maxClockSkew == null ? Duration.ofMinutes(5) : maxClockSkew;
        maxAge = maxAge == null ? Duration.ofDays(395) : maxAge;
        if (maxClockSkew.isNegative() || maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("max-clock-skew must be >= 0 and max-age > 0, were " + maxClockSkew + " and " + maxAge);
        }
    }
}
