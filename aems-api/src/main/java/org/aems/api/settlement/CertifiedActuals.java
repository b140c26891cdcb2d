package org.aems.api.settlement;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.aems.core.time.Slot;
import org.aems.core.unit.Energy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The transmission operator's certified 30-minute values (data of record, ADR 0014) summed over the region: what the
 * balancing group's imbalance is settled on. A slot counts only when every site in force that day has its value, so
 * a sum is never mistaken for the region's while sites are still missing.
 */
@Component
public class CertifiedActuals {

    private final JdbcClient jdbc;

    public CertifiedActuals(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** Per slot start of {@code day}: the net import (import − export) of the current certified values, where complete. */
    public Map<Instant, Energy> netImport(LocalDate day) {
        Map<Instant, Energy> complete = new HashMap<>();
        jdbc.sql("""
                        WITH sites AS (SELECT supply_point_number FROM site WHERE valid_from <= ? AND (valid_until IS NULL OR valid_until > ?))
                        SELECT c.slot_start, sum(c.import_wh - c.export_wh) FROM certified_interval c
                        JOIN sites s ON s.supply_point_number = c.supply_point_number
                        WHERE c.slot_start >= ? AND c.slot_start < ?
                        GROUP BY c.slot_start HAVING count(*) = (SELECT count(*) FROM sites)""")
                .params(java.sql.Date.valueOf(day), java.sql.Date.valueOf(day), Timestamp.from(Slot.of(day, 1).start()),
                        Timestamp.from(Slot.of(day.plusDays(1), 1).start()))
                .query(rs -> {
                    complete.put(rs.getTimestamp(1).toInstant(), Energy.ofWattHours(rs.getLong(2)));
                });
        return complete;
    }
}
