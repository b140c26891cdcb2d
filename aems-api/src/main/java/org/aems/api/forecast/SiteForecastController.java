package org.aems.api.forecast;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.aems.api.site.SiteNotFoundException;
import org.aems.core.grid.SiteId;
import org.aems.core.time.Jst;
import org.aems.core.time.Slot;
import org.aems.ingest.registry.RegistryStore;
import org.aems.optimizer.forecast.ClearSky;
import org.aems.optimizer.forecast.ClearSkyPvForecaster;
import org.aems.optimizer.forecast.DayAheadForecaster;
import org.aems.optimizer.forecast.ProfileForecaster;
import org.aems.optimizer.forecast.SlotSeries;
import org.aems.optimizer.runtime.HeldBack;
import org.aems.optimizer.runtime.HorizonForecast;
import org.aems.optimizer.runtime.IntradayCorrection;
import org.aems.optimizer.runtime.NotEnoughHistoryException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A site's own forecast from the slot under way to the end of tomorrow, by the methods the optimizer plans feeders
 * with: demand by slot-of-day profile per day type, PV by clear sky × the site's recent performance, both corrected
 * for the first hours by the slot just measured. Demand is what the site consumed: import − export + PV − battery
 * charging (+ discharging).
 */
@RestController
@Tag(name = "forecasts", description = "Forecasts per site through the end of tomorrow")
class SiteForecastController {

    static final Duration HISTORY = Duration.ofDays(28);

    record Row(String slot, OffsetDateTime start, BigDecimal demandKwh, BigDecimal pvKwh) {
    }

    record SiteForecast(String siteId, OffsetDateTime issuedAt, int historySlots, String demandMethod, String pvMethod, List<Row> slots) {
    }

    private final JdbcClient jdbc;
    private final RegistryStore registry;
    private final Clock clock;
    private final DayAheadForecaster demand = new ProfileForecaster();
    private final DayAheadForecaster pv;
    private final HorizonForecast horizon = new HorizonForecast(IntradayCorrection.DEFAULT);

    SiteForecastController(DataSource dataSource, RegistryStore registry, Clock clock, ClearSky regionSky) {
        this.jdbc = JdbcClient.create(dataSource);
        this.pv = new ClearSkyPvForecaster(regionSky);
        this.registry = registry;
        this.clock = clock;
    }

    @GetMapping("/api/v1/sites/{siteId}/forecast")
    @Operation(summary = "The site's demand and PV forecast per slot from the slot under way to the end of tomorrow (JST)",
            description = "From its own 30-minute intervals of the 28 days before 'asOf' (default now). 409 NOT_ENOUGH_HISTORY with less"
                    + " than a day of them.")
    SiteForecast forecast(@PathVariable String siteId,
                          @Parameter(description = "ISO timestamp with offset: forecast as it would have been issued then")
                          @RequestParam(required = false) OffsetDateTime asOf) {
        SiteId site = SiteId.of(siteId);
        if (registry.site(site).isEmpty()) {
            throw new SiteNotFoundException(siteId);
        }
        Instant issued = asOf == null ? clock.instant() : asOf.toInstant();
        Slot first = Slot.containing(issued);
        TreeMap<Slot, Double> load = new TreeMap<>();
        TreeMap<Slot, Double> generation = new TreeMap<>();
        jdbc.sql("""
                        SELECT slot_start, import_wh - export_wh + coalesce(pv_wh, 0)
                                           - coalesce(battery_charge_wh, 0) + coalesce(battery_discharge_wh, 0), coalesce(pv_wh, 0)
                        FROM site_interval WHERE site_id = ? AND slot_start >= ? AND slot_start < ?
                        AND import_wh IS NOT NULL AND export_wh IS NOT NULL""")
                .params(siteId, Timestamp.from(first.start().minus(HISTORY)), Timestamp.from(first.start()))
                .query(rs -> {
                    Slot slot = Slot.containing(rs.getTimestamp(1).toInstant());
                    load.put(slot, rs.getDouble(2));
                    generation.put(slot, rs.getDouble(3));
                });
        if (load.size() < Slot.SLOTS_PER_DAY) {
            throw new NotEnoughHistoryException("site " + siteId + " has " + load.size() + " slots of intervals in the 28 days before "
                    + Jst.toJst(first.start()).toOffsetDateTime() + "; a forecast needs at least a day (48)");
        }
        List<Slot> slots = new ArrayList<>();
        for (Slot s = first; !s.date().isAfter(Jst.toJst(issued).toLocalDate().plusDays(1)); s = s.next()) {
            slots.add(s);
        }
        double[] d = horizon.over(demand, new SlotSeries(siteId + " demand", "Wh", load), slots, HeldBack.NONE);
        double[] g = horizon.over(pv, new SlotSeries(siteId + " pv", "Wh", generation), slots, HeldBack.NONE);
        List<Row> rows = new ArrayList<>(slots.size());
        for (int t = 0; t < slots.size(); t++) {
            rows.add(new Row(slots.get(t).toString(), Jst.toJst(slots.get(t).start()).toOffsetDateTime(), kwh(d[t]), kwh(g[t])));
        }
        return new SiteForecast(siteId, Jst.toJst(issued).toOffsetDateTime(), load.size(), demand.name(), pv.name(), rows);
    }

    private static BigDecimal kwh(double wh) {
        return BigDecimal.valueOf(Math.max(0, Math.round(wh)), 3);
    }
}
