package org.aems.api.dashboard;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.aems.api.dashboard.FeederDay.FeederSlot;
import org.aems.core.time.Slot;
import org.aems.core.unit.Energy;
import org.aems.core.unit.Power;
import org.aems.ingest.store.StoreException;
import org.springframework.stereotype.Component;

/** Every feeder's slots of one JST day with its limits, from the rollups (never raw telemetry), in two queries. */
@Component
class FeederDayQuery {

    private final DataSource dataSource;

    FeederDayQuery(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    List<FeederDay> on(LocalDate date) {
        Map<String, List<FeederSlot>> slots = new LinkedHashMap<>();
        List<FeederDay> feeders = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT feeder_id, slot_index, net_import_wh, pv_wh, battery_charge_wh - battery_discharge_wh,
                           ev_charge_wh - ev_discharge_wh, sites_reporting, site_count
                    FROM feeder_interval WHERE slot_date = ? ORDER BY feeder_id, slot_index""")) {
                ps.setDate(1, Date.valueOf(date));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        slots.computeIfAbsent(rs.getString(1), f -> new ArrayList<>()).add(new FeederSlot(Slot.of(date, rs.getInt(2)),
                                energy(rs, 3), energy(rs, 4), energy(rs, 5), energy(rs, 6), rs.getInt(7), rs.getInt(8)));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT f.id, f.name, f.bank_id, l.reverse_flow_limit_w, l.import_limit_w
                    FROM feeder f
                    LEFT JOIN feeder_limit l ON l.feeder_id = f.id AND l.valid_from <= ? AND (l.valid_until IS NULL OR l.valid_until > ?)
                    WHERE f.valid_from <= ? AND (f.valid_until IS NULL OR f.valid_until > ?)
                    ORDER BY f.bank_id, f.id""")) {
                for (int i = 1; i <= 4; i++) {
                    ps.setDate(i, Date.valueOf(date));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String id = rs.getString(1);
                        feeders.add(new FeederDay(id, rs.getString(2), rs.getString(3), power(rs, 4), power(rs, 5),
                                slots.getOrDefault(id, List.of())));
                    }
                }
            }
        } catch (SQLException e) {
            throw new StoreException("reading the feeders' intervals of " + date + " failed: " + e.getMessage(), e);
        }
        return feeders;
    }

    private static Energy energy(ResultSet rs, int column) throws SQLException {
        long wh = rs.getLong(column);
        return rs.wasNull() ? null : Energy.ofWattHours(wh);
    }

    private static Optional<Power> power(ResultSet rs, int column) throws SQLException {
        long w = rs.getLong(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(Power.ofWatts(w));
    }
}
