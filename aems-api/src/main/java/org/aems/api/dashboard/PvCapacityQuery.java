package org.aems.api.dashboard;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import javax.sql.DataSource;
import org.aems.core.unit.Power;
import org.aems.ingest.store.StoreException;
import org.springframework.stereotype.Component;

/** The PV capacity connected in the region on a day: the registry's arrays in service, peak (DC) power. */
@Component
class PvCapacityQuery {

    private final DataSource dataSource;

    PvCapacityQuery(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    Power on(LocalDate date) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT coalesce(sum(pv_peak_w), 0) FROM asset
                WHERE kind = 'PV' AND valid_from <= ? AND (valid_until IS NULL OR valid_until > ?)""")) {
            ps.setDate(1, Date.valueOf(date));
            ps.setDate(2, Date.valueOf(date));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return Power.ofWatts(rs.getLong(1));
            }
        } catch (SQLException e) {
            throw new StoreException("reading the PV capacity of " + date + " failed: " + e.getMessage(), e);
        }
    }
}
