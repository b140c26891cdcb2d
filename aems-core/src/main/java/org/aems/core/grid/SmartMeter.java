package org.aems.core.grid;

import java.util.Objects;
import org.aems.core.unit.Energy;

/**
 * The site's smart meter (ECHONET Lite 0x0288), keeping non-negative import and export registers. Its
 * instantaneous power is + for import, − for export.
 *
 * @param registerRollover the value at which a cumulative register wraps to 0: a meter showing up to
 *                         99,999.9 kWh wraps at 100,000 kWh = 100_000_000 Wh
 */
public record SmartMeter(DeviceId id, Validity validity, MetrologyClass metrologyClass, Energy registerRollover)
        implements Asset {
    public SmartMeter {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(validity, "validity");
        Objects.requireNonNull(metrologyClass, "metrologyClass");
        Objects.requireNonNull(registerRollover, "registerRollover");
        if (registerRollover.wattHours() <= 0) {
            throw new IllegalArgumentException("meter register rollover must be positive, was " + registerRollover);
        }
    }

    /** A meter is measured, never curtailed. */
    @Override
    public boolean curtailable() {
        return false;
    }
}
