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
 * @param forecastErrorRatio  a slot's demand or surplus off the market plan's forecast by more than this share of the
 *                            forecast raises FORECAST_ERROR_LARGE (default 0.3)
 * @param forecastErrorMinKwh ... and by at least this much, so night-time slots of a few kWh stay quiet (default 1 kWh)
 */
@ConfigurationProperties("aems.dashboard")
public record DashboardSettings(Duration pulse, BigDecimal renewableTargetKw, BigDecimal forecastErrorRatio,
                                BigDecimal forecastErrorMinKwh) {
    public DashboardSettings {
        pulse = pulse == null ? Duration.ofSeconds(2) : pulse;
        if (pulse.isNegative() || pulse.isZero()) {
            throw new IllegalArgumentException("aems.dashboard.pulse must be positive, was " + pulse);
        }
        forecastErrorRatio = forecastErrorRatio == null ? new BigDecimal("0.3") : forecastErrorRatio;
        forecastErrorMinKwh = forecastErrorMinKwh == null ? BigDecimal.ONE : forecastErrorMinKwh;
        if (forecastErrorRatio.signum() <= 0) {
            throw new IllegalArgumentException("aems.dashboard.forecast-error-ratio must be positive, e.g. 0.3, was " + forecastErrorRatio);
        }
        if (forecastErrorMinKwh.signum() < 0) {
            throw new IllegalArgumentException("aems.dashboard.forecast-error-min-kwh must not be negative, was " + forecastErrorMinKwh);
        }
        if (renewableTargetKw != null && renewableTargetKw.signum() <= 0) {
            throw new IllegalArgumentException("aems.dashboard.renewable-target-kw must be positive, was " + renewableTargetKw);
        }
    }
}
