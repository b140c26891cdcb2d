package org.aems.api.opendata;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Open data (prefix {@code aems.open-data}).
 *
 * @param minGroupSize fewest sites behind any published figure (and behind any difference of published figures);
 *                     default 10, at least 2
 */
@ConfigurationProperties("aems.open-data")
public record OpenDataSettings(Integer minGroupSize) {
    public OpenDataSettings {
        minGroupSize = minGroupSize == null ? 10 : minGroupSize;
        if (minGroupSize < 2) {
            throw new IllegalArgumentException("aems.open-data.min-group-size must be at least 2, was " + minGroupSize);
        }
    }
}
