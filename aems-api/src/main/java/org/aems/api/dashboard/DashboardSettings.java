package org.aems.api.dashboard;

import java.math.BigDecimal;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The operator dashboard (prefix {@code aems.dashboard}).
 *
 * @param pulse             how often the live stream looks for newly rolled-up slots (default 2 s)
 * @param renewableTargetKw the region's PV capacity target, kW, shown against the capacity connected; unset = not shown
 *                          (Odawara: 100 MW for FY2027 city-wide, docs/scenarios.md)
 */
@ConfigurationProperties("aems.dashboard")
public record DashboardSettings(Duration pulse, BigDecimal renewableTargetKw) {
    public DashboardSettings {
        pulse = pulse == null ? Duration.ofSeconds(2) : pulse;
        if (pulse.isNegative() || pulse.isZero()) {
            throw new IllegalArgumentException("aems.dashboard.pulse must be positive, was " + pulse);
        }
        if (renewableTargetKw != null && renewableTargetKw.signum() <= 0) {
            throw new IllegalArgumentException("aems.dashboard.renewable-target-kw must be positive, was " + renewableTargetKw);
        }
    }
}
