package org.aems.ingest.registry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.aems.core.grid.Asset;
import org.aems.core.grid.Battery;
import org.aems.core.grid.EvCharger;
import org.aems.core.grid.PvArray;
import org.aems.core.grid.SiteId;
import org.aems.core.grid.SmartMeter;

/** Batches asset rows: one table, the columns of each asset's kind filled and the rest NULL. */
final class AssetInsert implements AutoCloseable {

    private final PreparedStatement insert;

    AssetInsert(Connection c) throws SQLException {
        insert = c.prepareStatement("""
                INSERT INTO asset (site_id, device_id, position, kind, valid_from, valid_until, curtailable,
                                   pv_peak_w, pv_inverter_limit_w, pv_tilt_deg, pv_azimuth_deg,
                                   battery_capacity_wh, battery_max_charge_w, battery_max_discharge_w,
                                   battery_charge_efficiency, battery_discharge_efficiency,
                                   ev_max_charge_w, ev_max_discharge_w, ev_v2x, meter_metrology_class, meter_rollover_wh)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """);
    }

    void add(SiteId site, int position, Asset asset) throws SQLException {
        Object[] row = new Object[20];
        row[0] = site.value();
        row[1] = asset.id().value();
        row[3] = RegistryStore.date(asset.validity().from());
        row[4] = RegistryStore.date(asset.validity().until());
        row[5] = asset.curtailable();
        if (asset instanceof PvArray pv) {
            row[2] = "PV";
            row[6] = pv.peakPower().watts();
            row[7] = pv.inverterLimit().watts();
            row[8] = pv.tiltDegrees();
            row[9] = pv.azimuthDegrees();
        } else if (asset instanceof Battery b) {
            row[2] = "BATTERY";
            row[10] = b.capacity().wattHours();
            row[11] = b.maxCharge().watts();
            row[12] = b.maxDischarge().watts();
            row[13] = b.chargeEfficiency().fraction();
            row[14] = b.dischargeEfficiency().fraction();
        } else if (asset instanceof EvCharger ev) {
            row[2] = "EV_CHARGER";
            row[15] = ev.maxCharge().watts();
            row[16] = ev.maxDischarge().watts();
            row[17] = ev.v2x();
        } else if (asset instanceof SmartMeter m) {
            row[2] = "METER";
            row[18] = m.metrologyClass().name();
            row[19] = m.registerRollover().wattHours();
        }
        insert.setObject(1, row[0]);
        insert.setObject(2, row[1]);
        insert.setInt(3, position);
        for (int i = 2; i < row.length; i++) {
            insert.setObject(i + 2, row[i]);
        }
        insert.addBatch();
    }

    void execute() throws SQLException {
        insert.executeBatch();
    }

    @Override
    public void close() throws SQLException {
        insert.close();
    }
}
