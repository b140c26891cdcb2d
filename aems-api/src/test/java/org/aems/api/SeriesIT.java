package org.aems.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.StringJoiner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Issue #6: external series uploaded as CSV versions — JEPX prices per slot corrected by a second version and
 * read back as known before and after it, a fiscal-year CO2 factor, and bad files refused whole with every
 * problem and its line, nothing stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeriesIT {

    private static final String JEPX = "/api/v1/series/jepx.spot.tokyo";

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.context.ApplicationContext context;
    HttpJson http;
    String publishedV1;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestApp.onDatabaseOnly(registry);
        registry.add("aems.optimizer.enabled", () -> "false");
    }

    @BeforeAll
    void client() {
        http = HttpJson.signedIn(port, context);
    }

    @Test
    @Order(1)
    void aDayOfSlotPricesBecomesVersionOne() {
        StringJoiner csv = new StringJoiner("\n", "date,slot,value\n", "\n");
        for (int slot = 1; slot <= 48; slot++) {
            csv.add("2026-05-01," + slot + "," + (slot == 25 ? "0.01" : "7.00"));
        }
        HttpJson.Response v1 = upload(JEPX, "yen/kWh", "JEPX spot 2026-04-30", csv.toString());
        assertThat(v1.status()).as(v1.body()).isEqualTo(201);
        assertThat(v1.json().get("version").asInt()).isEqualTo(1);
        assertThat(v1.json().get("values").asLong()).isEqualTo(48);
        assertThat(v1.json().get("from").asString()).isEqualTo("2026-05-01T00:00+09:00");
        assertThat(v1.json().get("until").asString()).isEqualTo("2026-05-02T00:00+09:00");
        assertThat(v1.json().get("recordedBy").asString()).isEqualTo("alice");
        publishedV1 = v1.json().get("publishedAt").asString();
    }

    @Test
    @Order(2)
    void aCorrectionReplacesOnlyTheSlotItCoversAndEarlierKnowledgeStaysReadable() throws InterruptedException {
        Thread.sleep(5); // so version 2 is published strictly after version 1
        HttpJson.Response v2 = upload(JEPX, "yen/kWh", "JEPX spot 2026-04-30, corrected", "date,slot,value\n2026-05-01,25,8.50\n");
        assertThat(v2.status()).as(v2.body()).isEqualTo(201);
        assertThat(v2.json().get("version").asInt()).isEqualTo(2);

        JsonNode now = http.get(JEPX + "/values?from=2026-05-01&until=2026-05-02").json();
        assertThat(now.get("unit").asString()).isEqualTo("yen/kWh");
        assertThat(now.get("values")).hasSize(48);
        assertThat(now.get("values").get(24).get("from").asString()).isEqualTo("2026-05-01T12:00+09:00");
        assertThat(now.get("values").get(24).get("value").asString()).isEqualTo("8.50");
        assertThat(now.get("values").get(24).get("version").asInt()).isEqualTo(2);
        assertThat(now.get("values").get(23).get("value").asString()).isEqualTo("7.00");
        assertThat(now.get("values").get(23).get("version").asInt()).isEqualTo(1);

        JsonNode before = http.get(JEPX + "/values?from=2026-05-01&until=2026-05-02&asOf=" + publishedV1.replace("+", "%2B")).json();
        assertThat(before.get("values").get(24).get("value").asString()).isEqualTo("0.01");
        assertThat(before.get("values").get(24).get("version").asInt()).isEqualTo(1);
    }

    @Test
    @Order(3)
    void aBadFileIsRefusedWholeWithEveryProblemAndItsLine() {
        HttpJson.Response bad = upload(JEPX, "yen/kWh", "broken", """
                date,slot,value
                2026-05-02,1,7.00
                2026-05-02,49,7.00
                2026-05-32,2,7.00
                2026-05-02,3,seven
                2026-05-02,1,7.10
                """);
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().get("reason").asString()).isEqualTo("SERIES_FILE_INVALID");
        assertThat(bad.json().get("detail").asString()).isEqualTo("the series file has 4 problem(s); no version was stored");
        JsonNode problems = bad.json().get("problems");
        assertThat(problems).hasSize(4);
        assertProblem(problems.get(0), 3, "BAD_SLOT", "slot must be 1-48 (00:00-00:30 JST is 1), was 49");
        assertProblem(problems.get(1), 4, "BAD_DATE", "date must be a date like 2026-05-01, was '2026-05-32'");
        assertProblem(problems.get(2), 5, "BAD_VALUE", "value must be a decimal number like 12.34 (yen/kWh), was 'seven'");
        assertProblem(problems.get(3), 6, "OVERLAPPING_VALUES", "line 6 [2026-05-02T00:00+09:00, 2026-05-02T00:30+09:00) overlaps"
                + " line 2 [2026-05-02T00:00+09:00, 2026-05-02T00:30+09:00); give each period once");

        HttpJson.Response header = upload(JEPX, "yen/kWh", "broken", "day,price\n2026-05-02,7\n");
        assertThat(header.status()).isEqualTo(422);
        assertProblem(header.json().get("problems").get(0), 1, "UNKNOWN_HEADER", "the header must be 'date,slot,value' (JST date,"
                + " slot 1-48) or 'from,until,value' (JST dates or ISO timestamps), was 'day,price'");
        assertThat(http.get(JEPX + "/versions").json().get("versions")).hasSize(2);
    }

    @Test
    @Order(4)
    void aFiscalYearCo2FactorKeepsItsUnit() {
        String co2 = "/api/v1/series/co2.tepco-ep";
        HttpJson.Response negative = upload(co2, "kg-CO2/kWh", "METI FY2025", "from,until,value\n2025-04-01,2026-04-01,-0.1\n");
        assertThat(negative.status()).isEqualTo(422);
        assertProblem(negative.json().get("problems").get(0), 2, "BAD_VALUE", "value must be >= 0 kg-CO2/kWh, was -0.1");

        HttpJson.Response factor = upload(co2, "kg-CO2/kWh", "METI FY2025 adjusted factor", """
                from,until,value
                2025-04-01,2026-04-01,0.441
                2026-04-01T00:00:00+09:00,2027-04-01T00:00:00+09:00,0.432
                """);
        assertThat(factor.status()).as(factor.body()).isEqualTo(201);
        JsonNode may = http.get(co2 + "/values?from=2026-05-01&until=2026-05-08").json();
        assertThat(may.get("values")).hasSize(1);
        assertThat(may.get("values").get(0).get("value").asString()).isEqualTo("0.432");
        assertThat(may.get("values").get(0).get("from").asString()).isEqualTo("2026-05-01T00:00+09:00");

        HttpJson.Response wrongUnit = upload(co2, "yen/kWh", "oops", "from,until,value\n2027-04-01,2028-04-01,0.43\n");
        assertThat(wrongUnit.status()).isEqualTo(422);
        assertProblem(wrongUnit.json().get("problems").get(0), 0, "UNIT_MISMATCH", "series co2.tepco-ep is kept in kg-CO2/kWh, not"
                + " yen/kWh; upload with unit=kg-CO2/kWh or use another series id");

        JsonNode all = http.get("/api/v1/series").json();
        assertThat(all).hasSize(2);
        assertThat(all.get(0).get("series").asString()).isEqualTo("co2.tepco-ep");
        assertThat(all.get(1).get("latestVersion").asInt()).isEqualTo(2);
    }

    @Test
    @Order(5)
    void answersMistakesWithProblemDetails() {
        HttpJson.Response unknown = http.get("/api/v1/series/jepx.spot.kansai/versions");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("reason").asString()).isEqualTo("SERIES_NOT_FOUND");
        HttpJson.Response badId = http.get("/api/v1/series/JEPX!/versions");
        assertThat(badId.status()).isEqualTo(400);
        HttpJson.Response badUnit = upload(JEPX, "yen", "x", "date,slot,value\n2026-05-03,1,7\n");
        assertThat(badUnit.status()).isEqualTo(400);
        assertThat(badUnit.json().get("detail").asString()).isEqualTo("parameter 'unit' must be one of yen/kWh, kg-CO2/kWh, was 'yen'");
        HttpJson.Response wide = http.get(JEPX + "/values?from=2026-01-01&until=2026-06-01");
        assertThat(wide.status()).isEqualTo(400);
        assertThat(http.get(JEPX + "/versions").json().get("versions")).hasSize(2);
    }

    private HttpJson.Response upload(String series, String unit, String source, String csv) {
        return http.as("alice").post(series + "/versions?unit=" + unit.replace("/", "%2F") + "&source=" + source.replace(" ", "%20").replace(",", "%2C"),
                "text/csv", csv);
    }

    private static void assertProblem(JsonNode problem, long line, String reason, String detail) {
        assertThat(problem.get("line").asLong()).isEqualTo(line);
        assertThat(problem.get("reason").asString()).isEqualTo(reason);
        assertThat(problem.get("detail").asString()).isEqualTo(detail);
    }
}
