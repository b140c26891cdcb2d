package org.aems.ingest.rollup;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How far the rollup has got, from table {@code rollup_watermark}.
 *
 * @param scannedUntil the greatest {@code telemetry_reading.received_at} already scanned; empty before the first run
 * @param closedUntil  every registered site's slots ending at or before it have been computed; empty before the first run
 */
public record RollupWatermark(Optional<Instant> scannedUntil, Optional<Instant> closedUntil) {
    public RollupWatermark {
        Objects.requireNonNull(scannedUntil, "scannedUntil");
        Objects.requireNonNull(closedUntil, "closedUntil");
    }
}
