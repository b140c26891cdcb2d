package org.aems.optimizer.ev;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.aems.core.grid.DeviceId;
import org.aems.core.grid.SiteId;
import org.aems.core.unit.Energy;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Table {@code ev_booking}: the car-sharing system's bookings, upserted by id (a re-sent booking replaces itself). */
public final class BookingStore {

    private final JdbcClient jdbc;

    public BookingStore(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** Stores or replaces a booking; true when it was new. */
    public boolean put(Booking b, Instant at) {
        return jdbc.sql("""
                        INSERT INTO ev_booking (booking_id, site_id, device_id, plugged_from, departure, required_wh, capacity_wh, updated_at, cancelled)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (booking_id) DO UPDATE SET site_id = EXCLUDED.site_id, device_id = EXCLUDED.device_id,
                            plugged_from = EXCLUDED.plugged_from, departure = EXCLUDED.departure, required_wh = EXCLUDED.required_wh,
                            capacity_wh = EXCLUDED.capacity_wh, updated_at = EXCLUDED.updated_at, cancelled = EXCLUDED.cancelled
                        RETURNING (xmax = 0)""")
                .params(b.id(), b.site().value(), b.charger().value(), Timestamp.from(b.pluggedFrom()), Timestamp.from(b.departure()),
                        b.required().wattHours(), b.capacity().wattHours(), Timestamp.from(at), b.cancelled())
                // xmax is 0 only on a row this statement inserted: new vs replaced in one round trip.
                .query(Boolean.class).single();
    }

    public Optional<Booking> find(String id) {
        return jdbc.sql("SELECT * FROM ev_booking WHERE booking_id = ?").param(id).query((rs, n) -> booking(rs)).optional();
    }

    /** Bookings not cancelled that are still to depart after {@code from} and begin before {@code until}, by charger. */
    public List<Booking> active(Instant from, Instant until) {
        return jdbc.sql("SELECT * FROM ev_booking WHERE NOT cancelled AND departure > ? AND plugged_from < ? ORDER BY site_id, device_id, plugged_from")
                .params(Timestamp.from(from), Timestamp.from(until)).query((rs, n) -> booking(rs)).list();
    }

    public List<Booking> ofSite(SiteId site) {
        return jdbc.sql("SELECT * FROM ev_booking WHERE site_id = ? ORDER BY plugged_from").param(site.value()).query((rs, n) -> booking(rs)).list();
    }

    private static Booking booking(ResultSet rs) throws SQLException {
        return new Booking(rs.getString("booking_id"), SiteId.of(rs.getString("site_id")), DeviceId.of(rs.getString("device_id")),
                rs.getTimestamp("plugged_from").toInstant(), rs.getTimestamp("departure").toInstant(), Energy.ofWattHours(rs.getLong("required_wh")),
                Energy.ofWattHours(rs.getLong("capacity_wh")), rs.getBoolean("cancelled"));
    }
}
