package org.aems.api.kpi;

import java.time.Duration;
import java.time.YearMonth;
import org.aems.core.time.Slot;

/** How KPI rows are bucketed, and how long a window each may ask for. */
enum Granularity {
    SLOT(Duration.ofDays(31)),
    DAY(Duration.ofDays(366)),
    MONTH(Duration.ofDays(5 * 366));

    private final Duration maxWindow;

    Granularity(Duration maxWindow) {
        this.maxWindow = maxWindow;
    }

    Duration maxWindow() {
        return maxWindow;
    }

    /** The bucket a slot falls in: the slot itself, its JST day or its JST month. */
    Object bucketOf(Slot slot) {
        return switch (this) {
            case SLOT -> slot;
            case DAY -> slot.date();
            case MONTH -> YearMonth.from(slot.date());
        };
    }
}
