package org.aems.api.kpi;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.Optional;
import javax.sql.DataSource;
import org.aems.ingest.store.StoreException;
import org.springframework.stereotype.Component;

/** The yen of a month's surplus buy-back: the newest settlement run of that JST month, whatever its status. */
@Component
class MonthSettlementQuery {

    /** What the newest buy-back run of a month settled. */
    record MonthSettlement(long runId, int version, String status, int statements, long energyWh, long paymentYen) {
    }

    private final DataSource dataSource;

    MonthSettlementQuery(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    Optional<MonthSettlement> newest(YearMonth month) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT r.id, r.version, r.status, count(s.site_id), coalesce(sum(s.energy_wh), 0), coalesce(sum(s.payment), 0)
                FROM settlement_run r LEFT JOIN settlement_statement s ON s.run_id = r.id
                WHERE r.id = (SELECT id FROM settlement_run WHERE kind = 'BUYBACK' AND period_kind = 'CALENDAR_MONTH'
                              AND period_from = ? ORDER BY version DESC LIMIT 1)
                GROUP BY r.id, r.version, r.status""")) {
            ps.setObject(1, month.atDay(1));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new MonthSettlement(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getInt(4),
                        rs.getLong(5), rs.getLong(6))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("reading the settlement of " + month + " failed: " + e.getMessage(), e);
        }
    }
}
