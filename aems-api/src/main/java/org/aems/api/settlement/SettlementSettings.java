package org.aems.api.settlement;

import java.time.LocalDate;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settlement (prefix {@code aems.settlement}).
 *
 * @param fetchSize rows per round trip when a run streams {@code site_interval} through a cursor (default
 *                  10,000): memory stays bounded by this and by the number of sites, never by the rows
 * @param holidays  JST public holidays for time-of-use day types (default none: weekends only); a run
 *                  records the list it used in its manifest
 */
@ConfigurationProperties("aems.settlement")
public record SettlementSettings(Integer fetchSize, List<LocalDate> holidays) {
    public SettlementSettings {
        fetchSize = fetchSize == null ? 10_000 : fetchSize;
        holidays = holidays == null ? List.of() : List.copyOf(holidays);
        if (fetchSize < 100) {
            throw new IllegalArgumentException("aems.settlement.fetch-size must be >= 100 rows, was " + fetchSize);
        }
    }
}
