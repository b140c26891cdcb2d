package org.aems.api.dashboard;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import javax.sql.DataSource;
import org.aems.core.alert.Alert;
import org.aems.core.alert.AlertKind;
import org.aems.core.alert.AlertSink;
import org.aems.core.alert.Severity;
import org.aems.core.time.Jst;
import org.aems.core.time.Slot;
import org.aems.ingest.store.StoreException;

/**
 * Large forecast errors (issue #8): the newest slot of today that every feeder has measured, against the market plan
 * version that was in force when the slot began. Demand is the feeders' import and the supply forecast is the surplus
 * bought, as the market plan counts them (MarketPlanQuery). One alert per series; it closes when a later slot is back
 * within the band.
 */
final class ForecastErrorCheck {

    private final DataSource dataSource;
    private final AlertSink sink;
    private final DashboardSettings settings;

    ForecastErrorCheck(DataSource dataSource, AlertSink sink, DashboardSettings settings) {
        this.dataSource = dataSource;
        this.sink = sink;
        this.settings = settings;
    }

    /** The market plan's forecast and what was measured for one slot, Wh. */
    record Compared(Slot slot, int version, long forecastDemandWh, long actualDemandWh, long forecastSurplusWh, long actualSurplusWh) {
    }

    void check(Instant now) {
        LocalDate today = Jst.toJst(now).toLocalDate();
        Compared latest = latest(today);
        if (latest == null) {
            return;
        }
        judge("market plan demand", "demand (grid import)", latest.forecastDemandWh(), latest.actualDemandWh(), latest, now);
        judge("market plan surplus", "surplus bought", latest.forecastSurplusWh(), latest.actualSurplusWh(), latest, now);
    }

    private void judge(String subject, String series, long forecastWh, long actualWh, Compared c, Instant now) {
        long error = actualWh - forecastWh;
        boolean large = Math.abs(error) >= settings.forecastErrorMinKwh().doubleValue() * 1_000
                && Math.abs(error) > settings.forecastErrorRatio().doubleValue() * forecastWh;
        if (!large) {
            sink.resolve(AlertKind.FORECAST_ERROR_LARGE, subject, now);
            return;
        }
        String relative = forecastWh == 0 ? "no forecast" : String.format("%+.0f %%", 100.0 * error / forecastWh);
        sink.raise(new Alert(AlertKind.FORECAST_ERROR_LARGE, Severity.WARNING, subject, String.format(
                "%s in slot %s was %.1f kWh against the market plan's %.1f kWh (v%d, %s); the balancing group pays the"
                        + " imbalance unless an intraday revision or dispatch closes the gap", series, c.slot(), actualWh / 1000.0,
                forecastWh / 1000.0, c.version(), relative), now));
    }

    private Compared latest(LocalDate day) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                WITH measured AS (
                    SELECT slot_start, sum(import_wh) AS import_wh, sum(buyback_export_wh) AS surplus_wh
                    FROM feeder_interval WHERE slot_date = ?
                    GROUP BY slot_start
                    HAVING count(*) = count(import_wh) AND count(*) = count(buyback_export_wh)
                    ORDER BY slot_start DESC LIMIT 1)
                SELECT m.slot_start, v.version, p.demand_wh, m.import_wh, p.generation_wh, m.surplus_wh
                FROM measured m
                JOIN market_plan_version v ON v.plan_date = ? AND v.created_at <= m.slot_start
                JOIN market_plan_slot p ON p.plan_id = v.id AND p.slot_start = m.slot_start
                ORDER BY v.version DESC LIMIT 1""")) {
            ps.setObject(1, day);
            ps.setObject(2, day);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                Timestamp start = rs.getTimestamp(1);
                return new Compared(Slot.containing(start.toInstant()), rs.getInt(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6));
            }
        } catch (SQLException e) {
            throw new StoreException("comparing the market plan with measured slots failed: " + e.getMessage(), e);
        }
    }
}
