package org.aems.ingest.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.aems.core.echonet.MeterScale;
import org.aems.core.grid.DeviceId;
import org.aems.core.grid.SiteId;

/**
 * The last scale each smart meter reported over ECHONET Lite, kept in PostgreSQL (shared by every
 * ingest instance) with a local cache in front.
 */
public final class MeterScaleStore {

    private record Key(SiteId site, DeviceId device) {
    }

    private final DataSource dataSource;
    private final Cache<Key, Optional<MeterScale>> cache = Caffeine.newBuilder().maximumSize(200_000).build();

    public MeterScaleStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<MeterScale> find(SiteId site, DeviceId device) {
        return cache.get(new Key(site, device), key -> load(site, device));
    }

    public void save(SiteId site, DeviceId device, MeterScale scale, Instant at) {
        if (find(site, device).equals(Optional.of(scale))) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement upsert = c.prepareStatement("""
                INSERT INTO meter_scale (site_id, device_id, unit_code, coefficient, effective_digits, updated_at)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (site_id, device_id) DO UPDATE SET unit_code = EXCLUDED.unit_code,
                    coefficient = EXCLUDED.coefficient, effective_digits = EXCLUDED.effective_digits,
                    updated_at = EXCLUDED.updated_at
                """)) {
            upsert.setString(1, site.value());
            upsert.setString(2, device.value());
            upsert.setInt(3, scale.unit().code());
            upsert.setLong(4, scale.coefficient());
            upsert.setInt(5, scale.effectiveDigits());
            upsert.setTimestamp(6, Timestamp.from(at));
            upsert.executeUpdate();
            cache.put(new Key(site, device), Optional.of(scale));
        } catch (SQLException e) {
            throw new StoreException("saving the meter scale of " + site + "/" + device + " failed: " + e.getMessage(), e);
        }
    }

    private Optional<MeterScale> load(SiteId site, DeviceId device) {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                "SELECT unit_code, coefficient, effective_digits FROM meter_scale WHERE site_id = ? AND device_id = ?")) {
            q.setString(1, site.value());
            q.setString(2, device.value());
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return MeterScale.Unit.ofCode(rs.getInt(1)).map(unit -> {
                    try {
                        return new MeterScale(unit, rs.getLong(2), rs.getInt(3));
                    } catch (SQLException e) {
                        throw new StoreException(e.getMessage(), e);
                    }
                });
            }
        } catch (SQLException e) {
            throw new StoreException("reading the meter scale of " + site + "/" + device + " failed: " + e.getMessage(), e);
        }
    }
}
