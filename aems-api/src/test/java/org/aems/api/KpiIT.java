package org.aems.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.aems.api.settlement.SeriesStore;
import org.aems.core.series.SeriesId;
import org.aems.core.series.SeriesValue;
import org.aems.core.series.SeriesVersion;
import org.aems.core.time.Jst;
import org.aems.core.time.Slot;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Issue #6 regional KPIs from the feeders' 30-minute rollups, hand-computed: two feeders, 1 May 2026 slots
 * 25–27 (slot 27: no meter reported), a FY2026 grid factor of 0.441 kg-CO2/kWh.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KpiIT {

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.context.ApplicationContext context;
    @Autowired
    DataSource dataSource;
    @Autowired
    SeriesStore series;
    HttpJson http;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestApp.onDatabaseOnly(registry);
        registry.add("aems.optimizer.enabled", () -> "false");
        registry.add("aems.kpi.co2-series", () -> "co2.tepco-ep");
    }

    @BeforeAll
    void rollups() throws SQLException {
        http = HttpJson.signedIn(port, context);
        LocalDate may1 = LocalDate.of(2026, 5, 1);
        //             feeder slot import export net    pv    buyback sites reporting
        feeder("f1", Slot.of(may1, 25), 0L, 1000L, -1000L, 3000L, 800L, 10, 10);
        feeder("f2", Slot.of(may1, 25), 2500L, 0L, 2500L, 0L, 0L, 5, 5);
        feeder("f1", Slot.of(may1, 26), 0L, 3000L, -3000L, 4000L, 2500L, 10, 9);
        feeder("f2", Slot.of(may1, 26), 500L, 0L, 500L, null, 0L, 5, 5);
        feeder("f1", Slot.of(may1, 27), null, null, null, null, null, 10, 0);
        feeder("f2", Slot.of(may1, 27), null, null, null, null, null, 5, 0);
        SeriesVersion v1 = new SeriesVersion(new SeriesId("co2.tepco-ep"), 1, Instant.now().minusSeconds(60), "METI FY2026");
        series.record(v1, "kg-CO2/kWh", List.of(new SeriesValue<>(LocalDate.of(2026, 4, 1).atStartOfDay(Jst.ZONE).toInstant(),
                LocalDate.of(2027, 4, 1).atStartOfDay(Jst.ZONE).toInstant(), new BigDecimal("0.441"), v1)));
    }

    @Test
    void perSlotLocalUseIsTheSmallerOfPvAndDemandNeverNettedOverTheDay() {
        JsonNode page = http.get("/api/v1/kpis/region?from=2026-05-01&until=2026-05-02&granularity=slot").json();
        assertThat(page.get("co2Series").asString()).isEqualTo("co2.tepco-ep");
        JsonNode rows = page.get("rows");
        assertThat(rows).hasSize(3);
        // Slot 25: PV 3 kWh, net import 1.5 → demand 4.5, all PV used locally.
        JsonNode noon = rows.get(0);
        assertThat(noon.get("from").asString()).isEqualTo("2026-05-01T12:00+09:00");
        assertThat(noon.get("pvKwh").asString()).isEqualTo("3.000");
        assertThat(noon.get("demandKwh").asString()).isEqualTo("4.500");
        assertThat(noon.get("localUseKwh").asString()).isEqualTo("3.000");
        assertThat(noon.get("localConsumptionRatio").asString()).isEqualTo("1.000000");
        assertThat(noon.get("selfSufficiencyRatio").asString()).isEqualTo("0.666667");
        // Slot 26: PV 4 kWh, net export 2.5 → demand 1.5; one of f1's sites did not report.
        JsonNode next = rows.get(1);
        assertThat(next.get("localUseKwh").asString()).isEqualTo("1.500");
        assertThat(next.get("surplusBoughtKwh").asString()).isEqualTo("2.500");
        assertThat(next.get("incompleteSlots").asInt()).isEqualTo(1);
        // Slot 27: no meter reported: no demand, no ratio — not zero.
        JsonNode silent = rows.get(2);
        assertThat(silent.get("demandKwh").asString()).isEqualTo("0.000");
        assertThat(silent.has("localConsumptionRatio")).as("absent, not zero").isFalse();
        assertThat(silent.get("incompleteSlots").asInt()).isEqualTo(1);
    }

    @Test
    void aDaySumsItsSlotsAndValuesCo2AtTheFactorVersionItNames() {
        JsonNode day = http.get("/api/v1/kpis/region?from=2026-05-01&until=2026-05-02").json().get("rows").get(0);
        assertThat(day.get("slots").asInt()).isEqualTo(3);
        assertThat(day.get("pvKwh").asString()).isEqualTo("7.000");
        assertThat(day.get("demandKwh").asString()).isEqualTo("6.000");
        // 3.0 + 1.5 = 4.5 kWh used locally (netting the day would have said 6.0).
        assertThat(day.get("localUseKwh").asString()).isEqualTo("4.500");
        assertThat(day.get("localConsumptionRatio").asString()).isEqualTo("0.642857");
        assertThat(day.get("selfSufficiencyRatio").asString()).isEqualTo("0.750000");
        assertThat(day.get("importKwh").asString()).isEqualTo("3.000");
        assertThat(day.get("exportKwh").asString()).isEqualTo("4.000");
        assertThat(day.get("surplusBoughtKwh").asString()).isEqualTo("3.300");
        // 4.5 kWh × 0.441 kg-CO2/kWh = 1.9845 kg.
        assertThat(day.get("co2AvoidedKg").asString()).isEqualTo("1.985");
        assertThat(day.get("co2FactorVersions").get(0).asInt()).isEqualTo(1);
        assertThat(day.get("incompleteSlots").asInt()).isEqualTo(2);
        assertThat(day.has("settlement")).as("only months name a settlement run").isFalse();
    }

    @Test
    void openDataShowsOnlyGroupsOfTheMinimumSizeAndNoDifferenceIsolatesASmallFeeder() throws SQLException {
        LocalDate may3 = LocalDate.of(2026, 5, 3);
        //             feeder  slot                 import export net    pv    buyback sites reporting
        feeder("big1", Slot.of(may3, 25), 100L, 2000L, -1900L, 3000L, 0L, 12, 12);
        feeder("big2", Slot.of(may3, 25), 200L, 1000L, -800L, 1500L, 0L, 11, 11);
        feeder("kuno", Slot.of(may3, 25), 50L, 300L, -250L, 400L, 0L, 3, 3);
        feeder("big1", Slot.of(may3, 26), 100L, 2000L, -1900L, 3000L, 0L, 12, 12);
        feeder("big2", Slot.of(may3, 26), 200L, 1000L, -800L, 1500L, 0L, 11, 11);
        feeder("kuno", Slot.of(may3, 26), 50L, 300L, -250L, null, 0L, 3, 3);
        JsonNode day = http.anonymous().get("/api/v1/public/region-intervals?date=2026-05-03").json();
        assertThat(day.get("minimumGroupSize").asInt()).isEqualTo(10);
        JsonNode noon = day.get("slots").get(0);
        assertThat(noon.get("start").asString()).isEqualTo("2026-05-03T12:00+09:00");
        assertThat(noon.get("region").get("sites").asInt()).isEqualTo(26);
        assertThat(noon.get("region").get("pvKwh").asString()).isEqualTo("4.900");
        // Kuno's 3 facilities alone would be region − big1 − big2: big2 (the smallest large feeder) is pooled with it.
        assertThat(noon.get("groups").propertyNames()).containsExactly("big1", "other");
        assertThat(noon.get("groups").get("big1").get("exportKwh").asString()).isEqualTo("2.000");
        assertThat(noon.get("groups").get("other").get("sites").asInt()).isEqualTo(14);
        assertThat(noon.get("groups").get("other").get("pvKwh").asString()).isEqualTo("1.900");
        // Kuno's PV missing in slot 26: the pool's and the region's PV are withheld, not summed over fewer sites.
        JsonNode next = day.get("slots").get(1);
        assertThat(next.get("groups").get("other").has("pvKwh")).isFalse();
        assertThat(next.get("region").has("pvKwh")).isFalse();
        assertThat(next.get("groups").get("big1").get("pvKwh").asString()).isEqualTo("3.000");
        assertThat(next.get("groups").get("other").get("importKwh").asString()).isEqualTo("0.250");

        feeder("kuno", Slot.of(LocalDate.of(2026, 5, 4), 25), 50L, 300L, -250L, 400L, 0L, 3, 3);
        JsonNode small = http.anonymous().get("/api/v1/public/region-intervals?date=2026-05-04").json();
        assertThat(small.get("slots")).hasSize(1);
        assertThat(small.get("slots").get(0).has("region")).as("fewer than 10 sites in the whole region").isFalse();
        assertThat(small.toString()).doesNotContain("kuno").doesNotContain("0.400");
    }

    @Test
    void refusesWindowsTooLongForTheirGranularity() {
        HttpJson.Response tooLong = http.get("/api/v1/kpis/region?from=2026-05-01&until=2026-07-01&granularity=slot");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().get("detail").asString()).isEqualTo("'until' must be after 'from' and at most 31 days later for"
                + " granularity slot, were 2026-05-01 and 2026-07-01");
        HttpJson.Response week = http.get("/api/v1/kpis/region?from=2026-05-01&until=2026-05-02&granularity=week");
        assertThat(week.status()).isEqualTo(400);
        assertThat(week.json().get("detail").asString()).isEqualTo("parameter 'granularity' must be slot, day or month, was 'week'");
    }

    private void feeder(String feeder, Slot slot, Long importWh, Long exportWh, Long net, Long pv, Long buyback, int sites,
                        int reporting) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO feeder_interval (feeder_id, slot_start, slot_date, slot_index, import_wh, export_wh, net_import_wh, pv_wh,
                    buyback_export_wh, site_count, sites_reporting, computed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())""")) {
            ps.setString(1, feeder);
            ps.setTimestamp(2, Timestamp.from(slot.start()));
            ps.setObject(3, slot.date());
            ps.setInt(4, slot.index());
            ps.setObject(5, importWh);
            ps.setObject(6, exportWh);
            ps.setObject(7, net);
            ps.setObject(8, pv);
            ps.setObject(9, buyback);
            ps.setInt(10, sites);
            ps.setInt(11, reporting);
            ps.executeUpdate();
        }
    }
}
