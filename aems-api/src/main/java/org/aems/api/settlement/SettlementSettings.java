package org.aems.api.settlement;

import java.time.LocalDate;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settlement (prefix {@code aems.settlement}).
 *
 * @param holidays days priced like public holidays by time-of-use tariffs in addition to Japan's public
 *                 holidays, which come from the bundled calendar (e.g. a retailer's own closing days); a run
 *                 records the full list it used in its manifest
 */
@ConfigurationProperties("aems.settlement")
public record SettlementSettings(List<LocalDate> holidays) {
    public SettlementSettings {
        holidays = holidays == null ? List.of() : List.copyOf(holidays);
    }
}
