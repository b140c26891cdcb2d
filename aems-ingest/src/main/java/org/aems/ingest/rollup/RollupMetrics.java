package org.aems.ingest.rollup;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/** The rollup's meters, declared in one place (docs/metrics.md lists them). */
public final class RollupMetrics {

    public static final String DURATION = "aems.ingest.rollup.duration";
    public static final String INTERVALS = "aems.ingest.rollup.intervals";

    private final Timer duration;
    private final Map<IntervalQuality, Counter> intervals = new EnumMap<>(IntervalQuality.class);

    public RollupMetrics(MeterRegistry registry) {
        duration = Timer.builder(DURATION).description("One rollup run that held the lock: find, compute and write intervals")
                .register(registry);
        for (IntervalQuality quality : IntervalQuality.values()) {
            intervals.put(quality, Counter.builder(INTERVALS).tag("quality", quality.name())
                    .description("Site intervals written (new, or recomputed with changed values), by quality")
                    .register(registry));
        }
    }

    void ran(Duration took) {
        duration.record(took);
    }

    void written(IntervalQuality quality, int count) {
        intervals.get(quality).increment(count);
    }
}
