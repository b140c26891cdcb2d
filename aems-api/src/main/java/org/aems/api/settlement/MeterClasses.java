package org.aems.api.settlement;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.aems.core.grid.MetrologyClass;
import org.aems.core.grid.SiteId;

/**
 * The metrology class of every site's registered meters (table {@code asset}, kind METER) with their validity,
 * read once per run: a statement states the class of the meter its site was measured with.
 */
final class MeterClasses {

    /**
     * True when a statement billed on {@code gatewaySlots} gateway values is provisional: certified values are
     * expected for any meter but a 特定計量 one, whose own values are the data of record (ADR 0014).
     */
    static boolean provisional(int gatewaySlots, MetrologyClass meter) {
        return gatewaySlots > 0 && meter != MetrologyClass.SPECIFIED_MEASUREMENT;
    }

    /** {@link #provisional(int, MetrologyClass)} for a stored class name (null: no meter registered). */
    static boolean provisional(int gatewaySlots, String storedClass) {
        return provisional(gatewaySlots, storedClass == null ? null : MetrologyClass.valueOf(storedClass));
    }

    private record Meter(MetrologyClass metrologyClass, LocalDate from, LocalDate until) {
    }

    private final Map<String, List<Meter>> bySite;

    private MeterClasses(Map<String, List<Meter>> bySite) {
        this.bySite = bySite;
    }

    static MeterClasses load(Connection c) throws SQLException {
        Map<String, List<Meter>> bySite = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT site_id, meter_metrology_class, valid_from, valid_until FROM asset WHERE kind = 'METER'");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                bySite.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Meter(MetrologyClass.valueOf(rs.getString(2)),
                        rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class)));
            }
        }
        return new MeterClasses(bySite);
    }

    /**
     * The weakest class (CERTIFIED, then SPECIFIED_MEASUREMENT, then UNCERTIFIED) among the site's meters in
     * force on any day of [from, until), so a meter swap mid-period never overstates; null when none is registered.
     */
    MetrologyClass of(SiteId site, LocalDate from, LocalDate until) {
        MetrologyClass weakest = null;
        for (Meter m : bySite.getOrDefault(site.value(), List.of())) {
            boolean overlaps = m.from().isBefore(until) && (m.until() == null || m.until().isAfter(from));
            if (overlaps && (weakest == null || m.metrologyClass().ordinal() > weakest.ordinal())) {
                weakest = m.metrologyClass();
            }
        }
        return weakest;
    }
}
