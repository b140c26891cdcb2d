package org.aems.api.settlement;

import java.time.LocalDate;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settlement (prefix {@code aems.settlement}).
 *
 * @param holidays JST public holidays for time-of-use day types (default none: weekends only); a run
 *                 records the list it used in its manifest
 */
@ConfigurationProperties("aems.settlement")
public record SettlementSettings(List<LocalDate> holidays) {
    public SettlementSettings {
        holidays = holidays == null ? List.of() : List.copyOf(holidays);
    }
}
