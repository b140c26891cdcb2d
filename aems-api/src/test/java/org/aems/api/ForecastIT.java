package org.aems.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.aems.core.time.Slot;
import org.aems.testing.TestRegions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Issue #5 forecasts per site: a household that consumes 300 Wh every half hour behind its meter while its PV
 * makes 1 kWh a slot from 09:00 to 15:00, for two weeks of June 2026, forecast through the end of tomorrow.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ForecastIT {

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.context.ApplicationContext context;
    @Autowired
    DataSource dataSource;
    HttpJson http;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestApp.onDatabaseOnly(registry);
        registry.add("aems.optimizer.enabled", () -> "false");
    }

    @BeforeAll
    void history() {
        http = HttpJson.signedIn(port, context);
        assertThat(http.post("/api/v1/registry/import", "application/yaml", TestRegions.twoSites("fc")).status()).isEqualTo(200);
        List<Object[]> rows = new ArrayList<>();
        for (Slot s = Slot.of(LocalDate.of(2026, 6, 1), 1); s.compareTo(Slot.parse("2026-06-15#21")) < 0; s = s.next()) {
            long pv = s.index() >= 19 && s.index() <= 30 ? 1000 : 0;
            rows.add(new Object[] {"fc-a", Timestamp.from(s.start()), java.sql.Date.valueOf(s.date()), s.index(), Math.max(0, 300 - pv),
                    Math.max(0, pv - 300), pv});
        }
        new JdbcTemplate(dataSource).batchUpdate("""
                INSERT INTO site_interval (site_id, slot_start, slot_date, slot_index, import_wh, export_wh, pv_wh, completeness, quality,
                    source, computed_at) VALUES (?, ?, ?, ?, ?, ?, ?, 1, 'MEASURED', 'FIXED_VALUE', now())""", rows);
    }

    @Test
    void forecastsTheSitesDemandBehindTheMeterAndItsPvToTheEndOfTomorrow() {
        JsonNode f = http.get("/api/v1/sites/fc-a/forecast?asOf=2026-06-15T10:05:00%2B09:00").json();
        assertThat(f.get("historySlots").asInt()).isEqualTo(14 * 48 + 20);
        JsonNode slots = f.get("slots");
        // From 10:00 (slot 21) today to 24:00 tomorrow: 28 + 48 slots.
        assertThat(slots).hasSize(76);
        assertThat(slots.get(0).get("slot").asString()).isEqualTo("2026-06-15#21");
        assertThat(slots.get(75).get("slot").asString()).isEqualTo("2026-06-16#48");
        // Import − export + PV = 300 Wh in every slot, day and night: what the household really uses.
        for (JsonNode row : slots) {
            assertThat(row.get("demandKwh").decimalValue()).as(row.get("slot").asString()).isEqualByComparingTo("0.3");
        }
        JsonNode tomorrowNoon = slots.get(28 + 24);
        assertThat(tomorrowNoon.get("slot").asString()).isEqualTo("2026-06-16#25");
        assertThat(tomorrowNoon.get("pvKwh").decimalValue()).isBetween(new java.math.BigDecimal("0.5"), new java.math.BigDecimal("1.5"));
        assertThat(slots.get(28 + 2).get("pvKwh").decimalValue()).as("01:00 tomorrow").isZero();
    }

    @Test
    void refusesASiteWithoutADayOfHistoryAndAnUnknownSite() {
        HttpJson.Response young = http.get("/api/v1/sites/fc-b/forecast?asOf=2026-06-15T10:05:00%2B09:00");
        assertThat(young.status()).isEqualTo(409);
        assertThat(young.json().get("reason").asString()).isEqualTo("NOT_ENOUGH_HISTORY");
        assertThat(young.json().get("detail").asString()).isEqualTo("site fc-b has 0 slots of intervals in the 28 days before"
                + " 2026-06-15T10:00+09:00; a forecast needs at least a day (48)");
        assertThat(http.get("/api/v1/sites/nowhere/forecast").status()).isEqualTo(404);
    }
}
