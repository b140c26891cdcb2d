package org.aems.api.kpi;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Regional KPIs (prefix {@code aems.kpi}).
 *
 * @param co2Series the series of grid CO2 emission factors (kg-CO2/kWh, per fiscal year and retailer) that CO2
 *                  avoided is valued at; default {@code co2.grid}. Upload it through {@code /api/v1/series}.
 */
@ConfigurationProperties("aems.kpi")
public record KpiSettings(String co2Series) {
    public KpiSettings {
        co2Series = co2Series == null || co2Series.isBlank() ? "co2.grid" : co2Series;
    }
}
