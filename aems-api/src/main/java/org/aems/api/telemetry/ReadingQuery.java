package org.aems.api.telemetry;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.aems.core.grid.SiteId;
import org.aems.core.telemetry.Quantity;
import org.aems.core.telemetry.TelemetryCodec;
import org.aems.ingest.store.StoreException;
import org.springframework.stereotype.Component;

/** Reads stored telemetry a page at a time, with a keyset cursor so pages stay stable and cheap. */
@Component
class ReadingQuery {

    private final DataSource dataSource;

    ReadingQuery(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Position after the last reading of a page: (ts, device, quantity). */
    record Cursor(Instant ts, String device, String quantity) {
        String encode() {
            String raw = ts.getEpochSecond() + ":" + ts.getNano() + "|" + device + "|" + quantity;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String text) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\\|", 3);
                String[] time = parts[0].split(":");
                return new Cursor(Instant.ofEpochSecond(Long.parseLong(time[0]), Long.parseLong(time[1])), parts[1], parts[2]);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("parameter 'after' is not a cursor this API returned; start again without it");
            }
        }
    }

    record Result(List<ReadingView> readings, Optional<Cursor> next) {
    }

    Result find(SiteId site, Instant from, Instant to, Optional<Quantity> quantity, Optional<String> device,
                Optional<Cursor> after, int limit) {
        StringBuilder sql = new StringBuilder("""
                SELECT device_id, quantity, ts, value, message_id, received_at FROM telemetry_reading
                WHERE site_id = ? AND ts >= ? AND ts < ?""");
        List<Object> args = new ArrayList<>(List.of(site.value(), Timestamp.from(from), Timestamp.from(to)));
        quantity.ifPresent(q -> {
            sql.append(" AND quantity = ?");
            args.add(q.wireName());
        });
        device.ifPresent(d -> {
            sql.append(" AND device_id = ?");
            args.add(d);
        });
        after.ifPresent(c -> {
            sql.append(" AND (ts, device_id, quantity) > (?, ?, ?)");
            args.add(Timestamp.from(c.ts()));
            args.add(c.device());
            args.add(c.quantity());
        });
        sql.append(" ORDER BY ts, device_id, quantity LIMIT ?");
        args.add(limit + 1);
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                q.setObject(i + 1, args.get(i));
            }
            List<ReadingView> readings = new ArrayList<>();
            Cursor last = null;
            boolean more = false;
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    if (readings.size() == limit) {
                        more = true;
                        break;
                    }
                    Instant ts = rs.getTimestamp(3).toInstant();
                    String quantityName = rs.getString(2);
                    double value = rs.getDouble(4);
                    readings.add(new ReadingView(rs.getString(1), quantityName, number(value), unit(quantityName),
                            TelemetryCodec.format(ts), rs.getString(5), TelemetryCodec.format(rs.getTimestamp(6).toInstant())));
                    last = new Cursor(ts, rs.getString(1), quantityName);
                }
            }
            return new Result(readings, more ? Optional.of(last) : Optional.empty());
        } catch (SQLException e) {
            throw new StoreException("reading telemetry of site " + site + " failed: " + e.getMessage(), e);
        }
    }

    private static Number number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? (Number) (long) value : (Number) value;
    }

    private static String unit(String quantity) {
        return Quantity.fromWireName(quantity).map(q -> q.unit().symbol()).orElse("");
    }
}
