package org.aems.ingest.watch;

import java.time.Duration;

/**
 * When ingest raises its own alerts (prefix {@code aems.ingest.watch}).
 *
 * @param interval          how often the watches look
 * @param stallAfter        messages waiting this long without a commit, or the broker unreachable this long, is a stall
 * @param brokerQueueLimit  the broker's queue limit (Mosquitto {@code max_queued_messages}; the repository's config: 3 M)
 * @param brokerQueueWarnAt share of the limit at which the alert is raised; it is resolved below 7/8 of that share
 */
public record WatchSettings(Duration interval, Duration stallAfter, long brokerQueueLimit, double brokerQueueWarnAt) {
    public WatchSettings {
        interval = interval == null ? Duration.ofSeconds(5) : interval;
        stallAfter = stallAfter == null ? Duration.ofSeconds(60) : stallAfter;
        brokerQueueLimit = brokerQueueLimit == 0 ? 3_000_000 : brokerQueueLimit;
        brokerQueueWarnAt = brokerQueueWarnAt == 0 ? 0.8 : brokerQueueWarnAt;
        if (interval.isNegative() || interval.isZero() || stallAfter.isNegative() || brokerQueueLimit < 1
                || brokerQueueWarnAt <= 0 || brokerQueueWarnAt > 1) {
            throw new IllegalArgumentException("aems.ingest.watch: interval and stall-after must be positive, "
                    + "broker-queue-limit >= 1 and broker-queue-warn-at in (0, 1]; were " + interval + ", " + stallAfter
                    + ", " + brokerQueueLimit + ", " + brokerQueueWarnAt);
        }
    }
}
