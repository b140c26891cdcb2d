package org.aems.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.aems.api.settlement.ContractStore;
import org.aems.api.settlement.SeriesStore;
import org.aems.core.grid.SiteId;
import org.aems.core.grid.Validity;
import org.aems.core.series.SeriesId;
import org.aems.core.series.SeriesValue;
import org.aems.core.series.SeriesVersion;
import org.aems.core.settlement.BuybackContract;
import org.aems.core.settlement.BuybackTariff;
import org.aems.core.settlement.ContractId;
import org.aems.core.settlement.FixedPrice;
import org.aems.core.settlement.MarketLinked;
import org.aems.core.settlement.SettlementPeriod;
import org.aems.core.settlement.TaxTreatment;
import org.aems.core.time.Slot;
import org.aems.core.unit.YenPerKwh;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Issue #6 end to end on a real PostgreSQL: a month settled from site_interval into hand-computed
 * statements, slot lines recomputed bit for bit, four-eyes finalisation, CSV/JSON export in UTF-8 and
 * Shift_JIS, late data → version 2 with a diff, the feed, and bad input refused with nothing written.
 * The tests run in order: they follow one run through its life.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SettlementIT {

    static final LocalDate MAY_1 = LocalDate.of(2026, 5, 1);
    static final SeriesId JEPX = new SeriesId("jepx.spot.tokyo");
    static final String ALICE = "alice";
    static final String BOB = "bob";
    /** Finalising on gateway values with a missing slot: both decisions, recorded on the run. */
    static final String ACCEPT_BOTH = "{\"acceptIncomplete\":true,\"acceptProvisional\":true}";

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.context.ApplicationContext context;
    @Autowired
    ContractStore contracts;
    @Autowired
    SeriesStore series;
    @Autowired
    DataSource dataSource;
    HttpJson http;
    long mayRun;
    long mayRun2;
    String feedCursor;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        // Intervals are written by the test, not by the rollup.
        TestApp.onDatabaseOnly(registry);
    }

    @BeforeAll
    void data() throws Exception {
        http = HttpJson.signedIn(port, context);
        HttpJson.Response imported = http.post("/api/v1/registry/import", "application/yaml", region());
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);

        Instant recorded = Instant.now().minusSeconds(60);
        record("c-fixed", "x-fixed", "2026-05-01", "2026-06-01", new FixedPrice(YenPerKwh.of("8.5")), TaxTreatment.TAX_INCLUSIVE, recorded);
        record("c-split-a", "x-split", "2026-05-01", "2026-05-16", new FixedPrice(YenPerKwh.of("8.5")), TaxTreatment.TAX_INCLUSIVE, recorded);
        record("c-split-b", "x-split", "2026-05-16", "2026-06-01", new FixedPrice(YenPerKwh.of("11")), TaxTreatment.TAX_EXCLUSIVE, recorded);
        record("c-missing", "x-missing", "2026-05-01", "2026-06-01", new FixedPrice(YenPerKwh.of("10")), TaxTreatment.TAX_INCLUSIVE, recorded);
        record("c-market", "x-market", "2026-05-01", "2026-06-01",
                new MarketLinked(JEPX, BigDecimal.ONE, YenPerKwh.of("0"), YenPerKwh.of("5")), TaxTreatment.TAX_INCLUSIVE, recorded);

        List<Object[]> rows = new ArrayList<>();
        for (Slot slot : SettlementPeriod.calendarMonth(YearMonth.of(2026, 5)).slots()) {
            for (String site : List.of("x-fixed", "x-split", "x-market")) {
                rows.add(new Object[] {site, slot, 100L, "MEASURED"});
            }
        }
        // Either side of the month edge (15:00 UTC): not May.
        rows.add(new Object[] {"x-fixed", Slot.containing(Instant.parse("2026-04-30T14:30:00Z")), 5000L, "MEASURED"});
        rows.add(new Object[] {"x-fixed", Slot.containing(Instant.parse("2026-05-31T15:00:00Z")), 5000L, "MEASURED"});
        for (int i = 21; i <= 30; i++) {
            rows.add(new Object[] {"x-missing", Slot.of(MAY_1.plusDays(1), i), 1000L, i % 2 == 0 ? "MEASURED" : "ESTIMATED"});
        }
        rows.add(new Object[] {"x-missing", Slot.of(MAY_1.plusDays(1), 31), null, "MISSING"});
        rows.add(new Object[] {"x-missing", Slot.of(MAY_1.plusDays(1), 32), null, "MISSING"});
        for (int i = 1; i <= 3; i++) {
            rows.add(new Object[] {"x-nocontract", Slot.of(MAY_1, i), 700L, "MEASURED"});
        }
        insertIntervals(rows);

        // JEPX: 7.00 yen/kWh, but 0.01 at noon (slot 25) every day: the market-linked floor of 5 applies there.
        SeriesVersion v1 = new SeriesVersion(JEPX, 1, recorded, "JEPX spot, Tokyo area");
        List<SeriesValue<YenPerKwh>> prices = new ArrayList<>();
        for (Slot slot : SettlementPeriod.calendarMonth(YearMonth.of(2026, 5)).slots()) {
            prices.add(new SeriesValue<>(slot.start(), slot.end(), YenPerKwh.of(slot.index() == 25 ? "0.01" : "7.00"), v1));
        }
        series.recordPrices(v1, prices);
    }

    @Test
    @Order(1)
    void settlesAMonthIntoHandComputedStatementsPerSiteAndContract() {
        HttpJson.Response created = http.as(ALICE).postJson("/api/v1/settlement/runs", "{\"month\":\"2026-05\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode run = created.json();
        mayRun = run.get("id").asLong();
        assertThat(run.get("status").asString()).isEqualTo("DRAFT");
        assertThat(run.get("version").asInt()).isEqualTo(1);
        assertThat(run.get("statements").asInt()).isEqualTo(5);
        assertThat(run.get("incompleteStatements").asInt()).isEqualTo(1);
        JsonNode manifest = run.get("manifest");
        assertThat(manifest.get("series").get(0).get("series").asString()).isEqualTo("jepx.spot.tokyo");
        assertThat(manifest.get("series").get(0).get("versions").get(0).asInt()).isEqualTo(1);
        assertThat(manifest.get("intervals").get("rows").asLong()).isEqualTo(3 * 1488 + 12 + 3);
        assertThat(manifest.get("intervals").get("rowsWithoutContract").asLong()).isEqualTo(3);
        assertThat(manifest.get("intervals").get("missing").asLong()).isEqualTo(2);
        // Golden Week from the bundled calendar, the substitute holiday of the 6th included.
        assertThat(manifest.get("holidays").toString()).isEqualTo("[\"2026-05-03\",\"2026-05-04\",\"2026-05-05\",\"2026-05-06\"]");

        Map<String, JsonNode> byKey = new java.util.HashMap<>();
        http.get("/api/v1/settlement/runs/" + mayRun + "/statements").json().get("statements")
                .forEach(s -> byKey.put(s.get("siteId").asString() + " " + s.get("from").asString(), s));
        assertThat(byKey).hasSize(5);
        // 1,488 slots × 0.1 kWh × 8.5 = 1,264.8 → 1,264; tax-inclusive 10/110 share 114.9 → 114. April's
        // last slot and June's first (5 kWh each) are outside the JST month.
        assertStatement(byKey.get("x-fixed 2026-05-01"), "2026-06-01", 148_800, "1264.8000", 1264, 114, 1150, 1264, 1488, 0, 0);
        // Contract change on the 16th: 720 slots × 0.1 × 8.5 = 612 (tax 55 included) and 768 × 0.1 × 11 = 844.8 → 844 + 84 tax.
        assertStatement(byKey.get("x-split 2026-05-01"), "2026-05-16", 72_000, "612.0000", 612, 55, 557, 612, 720, 0, 0);
        assertStatement(byKey.get("x-split 2026-05-16"), "2026-06-01", 76_800, "844.800", 844, 84, 844, 928, 768, 0, 0);
        // 10 slots with 1 kWh at 10 yen = 100 (tax 9 included); the other 1,478 slots missing, not zero.
        assertStatement(byKey.get("x-missing 2026-05-01"), "2026-06-01", 10_000, "100.000", 100, 9, 91, 100, 5, 5, 1478);
        assertThat(byKey.get("x-missing 2026-05-01").get("complete").asBoolean()).isFalse();
        // Per day 47 × 0.1 × 7.00 + 0.1 × 5 (floor, JEPX 0.01) = 33.4; × 31 = 1,035.4 → 1,035, tax 94 included.
        assertStatement(byKey.get("x-market 2026-05-01"), "2026-06-01", 148_800, "1035.40000", 1035, 94, 941, 1035, 1488, 0, 0);
    }

    @Test
    @Order(2)
    void slotLinesAreRecomputedAndAddUpBitForBitToTheStoredStatement() {
        JsonNode site = http.get("/api/v1/settlement/runs/" + mayRun + "/statements/x-market/lines").json();
        JsonNode statement = site.get("statements").get(0);
        JsonNode lines = statement.get("lines");
        assertThat(lines).hasSize(1488);
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode line : lines) {
            sum = sum.add(new BigDecimal(line.get("amount").asString()));
        }
        assertThat(sum.toPlainString()).isEqualTo(statement.get("statement").get("amount").asString()).isEqualTo("1035.40000");
        assertThat(statement.get("reproduced").asBoolean()).isTrue();
        JsonNode noon = lines.get(24);
        assertThat(noon.get("slot").asString()).isEqualTo("2026-05-01#25");
        assertThat(noon.get("start").asString()).isEqualTo("2026-05-01T12:00:00+09:00");
        assertThat(noon.get("unitPrice").asString()).isEqualTo("5");
        assertThat(noon.get("amount").asString()).isEqualTo("0.500");
        assertThat(lines.get(0).get("unitPrice").asString()).isEqualTo("7.00");

        JsonNode missing = http.get("/api/v1/settlement/runs/" + mayRun + "/statements/x-missing/lines").json()
                .get("statements").get(0);
        assertThat(missing.get("lines")).hasSize(10);
        assertThat(missing.get("missingSlots")).hasSize(1478);
        assertThat(missing.get("missingSlots").get(0).asString()).isEqualTo("2026-05-01#1");
        assertThat(missing.get("lines").get(1).get("quality").asString()).isEqualTo("MEASURED");
        assertThat(missing.get("lines").get(0).get("quality").asString()).isEqualTo("ESTIMATED");

        JsonNode split = http.get("/api/v1/settlement/runs/" + mayRun + "/statements/x-split/lines").json().get("statements");
        assertThat(split).hasSize(2);
        assertThat(split.get(1).get("lines").get(0).get("slot").asString()).isEqualTo("2026-05-16#1");
        assertThat(split.get(1).get("lines").get(0).get("unitPrice").asString()).isEqualTo("11");
    }

    @Test
    @Order(3)
    void finalisingNeedsAnotherPersonAndExplicitDecisionsOnIncompleteAndProvisionalStatements() throws Exception {
        String url = "/api/v1/settlement/runs/" + mayRun + "/finalise";
        HttpJson.Response own = http.as(ALICE).postJson(url, "{}");
        assertThat(own.status()).isEqualTo(403);
        assertThat(own.contentType()).startsWith("application/problem+json");
        assertThat(own.json().get("reason").asString()).isEqualTo("FOUR_EYES");
        assertThat(own.json().get("detail").asString())
                .isEqualTo("settlement run " + mayRun + " was created by alice; another person must finalise it");

        HttpJson.Response incomplete = http.as(BOB).postJson(url, "{}");
        assertThat(incomplete.status()).isEqualTo(409);
        assertThat(incomplete.json().get("detail").asString()).isEqualTo("settlement run " + mayRun + " has 1 statement(s) with"
                + " missing slots; finalise with acceptIncomplete=true to settle them on the slots that have values, or re-run"
                + " the period when the data is in");

        // No site here has certified values (nor a 特定計量 meter): every statement is billed on gateway values.
        HttpJson.Response provisional = http.as(BOB).postJson(url, "{\"acceptIncomplete\":true}");
        assertThat(provisional.status()).isEqualTo(409);
        assertThat(provisional.json().get("reason").asString()).isEqualTo("PROVISIONAL_STATEMENTS");
        assertThat(provisional.json().get("detail").asString()).isEqualTo("settlement run " + mayRun + " has 5 statement(s)"
                + " billed on gateway values where the transmission operator's certified values are expected; import the"
                + " certified values (POST /api/v1/settlement/certified-intervals) and re-run the period, or finalise with"
                + " acceptProvisional=true to settle on the gateway values");
        JsonNode stillDraft = http.get("/api/v1/settlement/runs/" + mayRun).json();
        assertThat(stillDraft.get("status").asString()).isEqualTo("DRAFT");
        assertThat(stillDraft.get("provisionalStatements").asInt()).isEqualTo(5);
        assertThat(stillDraft.get("provisionalAccepted").asBoolean()).isFalse();

        HttpJson.Response done = http.as(BOB).postJson(url, ACCEPT_BOTH);
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(done.json().get("status").asString()).isEqualTo("FINAL");
        assertThat(done.json().get("finalisedBy").asString()).isEqualTo(BOB);
        assertThat(done.json().get("incompleteAccepted").asBoolean()).isTrue();
        assertThat(done.json().get("provisionalAccepted").asBoolean()).isTrue();
        assertThat(done.json().get("finalisedAt").asString()).endsWith("+09:00");

        HttpJson.Response retried = http.as(BOB).postJson(url, ACCEPT_BOTH);
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.json().get("finalisedAt").asString()).isEqualTo(done.json().get("finalisedAt").asString());
        HttpJson.Response other = http.as("carol").postJson(url, ACCEPT_BOTH);
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.json().get("reason").asString()).isEqualTo("RUN_ALREADY_FINAL");

        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("UPDATE settlement_statement SET payment = 0 WHERE run_id = " + mayRun))
                    .hasMessageContaining("statements of settlement run " + mayRun + " are immutable");
            assertThatThrownBy(() -> s.executeUpdate("INSERT INTO settlement_statement SELECT run_id, 'intruder', segment_from,"
                    + " segment_until, contract_id, contract_version, tax_treatment, energy_wh, amount, amount_truncated, tax,"
                    + " amount_excluding_tax, payment, measured_slots, estimated_slots, missing_slots, max_interval_revision,"
                    + " line_digest FROM settlement_statement WHERE run_id = " + mayRun + " LIMIT 1"))
                    .hasMessageContaining("statements of settlement run " + mayRun + " are immutable");
            assertThatThrownBy(() -> s.executeUpdate("UPDATE settlement_run SET created_by = 'mallory' WHERE id = " + mayRun))
                    .hasMessageContaining("settlement run " + mayRun + " is FINAL and immutable");
        }
    }

    @Test
    @Order(4)
    void exportsTheFinalRunAsCsvInUtf8OrShiftJisAndAsJson() throws Exception {
        String url = "/api/v1/settlement/runs/" + mayRun + "/export";
        HttpJson.Bytes utf8 = http.getBytes(url);
        assertThat(utf8.status()).isEqualTo(200);
        assertThat(utf8.contentType()).isEqualTo("text/csv;charset=UTF-8");
        assertThat(utf8.contentDisposition()).isEqualTo("attachment; filename=\"aems-buyback-2026-05-01-run" + mayRun + "-v1.csv\"");
        List<CSVRecord> records = csv(new String(utf8.body(), StandardCharsets.UTF_8));
        assertThat(records).hasSize(5);
        CSVRecord fixed = records.stream().filter(r -> r.get("site_id").equals("x-fixed")).findFirst().orElseThrow();
        assertThat(fixed.get("site_name")).isEqualTo("小田原 一郎");
        assertThat(fixed.get("supply_point_number")).isEqualTo("0300000000000000000011");
        assertThat(fixed.get("energy_kwh")).isEqualTo("148.800");
        assertThat(fixed.get("amount_full_precision")).isEqualTo("1264.8000");
        assertThat(fixed.get("payment_yen")).isEqualTo("1264");
        assertThat(fixed.get("tax_yen")).isEqualTo("114");
        assertThat(records.stream().filter(r -> r.get("site_id").equals("x-market")).findFirst().orElseThrow().get("site_name"))
                .isEqualTo("髙橋 二郎");

        Charset sjis = Charset.forName("Shift_JIS");
        for (HttpJson.Bytes legacy : List.of(http.getBytes(url + "?charset=Shift_JIS"),
                http.getBytes(url, "Accept-Charset", "Shift_JIS, utf-8;q=0.5"))) {
            assertThat(legacy.contentType()).isEqualTo("text/csv;charset=Shift_JIS");
            String text = new String(legacy.body(), sjis);
            assertThat(text).contains("小田原 一郎").contains("〓橋 二郎"); // 髙 is not in Shift_JIS
            assertThat(legacy.body()).isNotEqualTo(utf8.body());
        }
        HttpJson.Bytes cp932 = http.getBytes(url + "?charset=windows-31j");
        assertThat(new String(cp932.body(), Charset.forName("windows-31j"))).contains("髙橋 二郎");

        JsonNode json = http.get(url + "?format=json").json();
        assertThat(json.get("run").get("id").asLong()).isEqualTo(mayRun);
        assertThat(json.get("statements")).hasSize(5);
        assertThat(json.get("statements").get(0).get("siteId").asString()).isEqualTo("x-fixed");
    }

    @Test
    @Order(5)
    void lateDataLeavesTheSettledLinesAsTheyWereAndAReRunMakesVersionTwoWithAPerSiteDiff() throws Exception {
        // A late reading: 0.3 kWh instead of 0.1 at noon on 10 May (JEPX 0.01 → the floor of 5 yen/kWh): +1.0 yen.
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE site_interval SET export_wh = 300, revision = revision + 1, computed_at = now() WHERE site_id = ? AND slot_start = ?")) {
            ps.setString(1, "x-market");
            ps.setTimestamp(2, Timestamp.from(Slot.of(LocalDate.of(2026, 5, 10), 25).start()));
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        // The FINAL run's lines are what it settled: read as of its snapshot, the late value is not in them.
        JsonNode settled = http.get("/api/v1/settlement/runs/" + mayRun + "/statements/x-market/lines").json()
                .get("statements").get(0);
        assertThat(settled.get("reproduced").asBoolean()).isTrue();
        assertThat(settled.get("statement").get("energyWh").asLong()).isEqualTo(148_800);
        long noon = 0;
        for (JsonNode line : settled.get("lines")) {
            if (line.get("slot").asString().equals("2026-05-10#25")) {
                noon = line.get("energyWh").asLong();
            }
        }
        assertThat(noon).as("the noon line as settled, before the late reading").isEqualTo(100);

        HttpJson.Response created = http.as(ALICE).postJson("/api/v1/settlement/runs", "{\"month\":\"2026-05\"}");
        assertThat(created.status()).isEqualTo(201);
        mayRun2 = created.json().get("id").asLong();
        assertThat(created.json().get("version").asInt()).isEqualTo(2);
        assertThat(created.json().get("previousRunId").asLong()).isEqualTo(mayRun);
        assertThat(created.json().get("manifest").get("intervals").get("maxRevision").asInt()).isEqualTo(2);

        JsonNode diff = http.get("/api/v1/settlement/runs/" + mayRun2 + "/diff").json();
        assertThat(diff.get("previousRunId").asLong()).isEqualTo(mayRun);
        assertThat(diff.get("changes")).hasSize(1);
        JsonNode change = diff.get("changes").get(0);
        assertThat(change.get("siteId").asString()).isEqualTo("x-market");
        assertThat(change.get("change").asString()).isEqualTo("CHANGED");
        assertThat(change.get("previous").get("payment").asLong()).isEqualTo(1035);
        assertThat(change.get("current").get("payment").asLong()).isEqualTo(1036);
        assertThat(change.get("current").get("maxIntervalRevision").asInt()).isEqualTo(2);

        JsonNode lines = http.get("/api/v1/settlement/runs/" + mayRun2 + "/statements/x-market/lines").json();
        assertThat(lines.get("statements").get(0).get("reproduced").asBoolean()).isTrue();
        // The FINAL version 1 stays as it was.
        assertThat(http.get("/api/v1/settlement/runs/" + mayRun + "/statements/x-market").json().get(0).get("payment").asLong())
                .isEqualTo(1035);
    }

    @Test
    @Order(6)
    void theFeedHandsOutEachFinalisedStatementOnceAndCorrectionsAgainWithTheirPreviousRun() {
        JsonNode first = http.get("/api/v1/settlement/feed?limit=3").json();
        assertThat(first.get("items")).hasSize(3);
        JsonNode second = http.get("/api/v1/settlement/feed?limit=3&after=" + first.get("next").asString()).json();
        assertThat(second.get("items")).hasSize(2);
        List<String> sites = new ArrayList<>();
        first.get("items").forEach(i -> sites.add(i.get("statement").get("siteId").asString()));
        second.get("items").forEach(i -> sites.add(i.get("statement").get("siteId").asString()));
        assertThat(sites).containsExactly("x-fixed", "x-market", "x-missing", "x-split", "x-split");
        String cursor = second.get("next").asString();
        JsonNode nothingNew = http.get("/api/v1/settlement/feed?after=" + cursor).json();
        assertThat(nothingNew.get("items")).isEmpty();
        assertThat(nothingNew.get("next").asString()).isEqualTo(cursor);

        HttpJson.Response superseded = http.as(BOB).postJson("/api/v1/settlement/runs/" + mayRun2 + "/finalise", ACCEPT_BOTH);
        assertThat(superseded.status()).as(superseded.body()).isEqualTo(200);
        JsonNode corrections = http.get("/api/v1/settlement/feed?after=" + cursor).json();
        assertThat(corrections.get("items")).hasSize(5);
        assertThat(corrections.get("items").get(0).get("runVersion").asInt()).isEqualTo(2);
        assertThat(corrections.get("items").get(0).get("previousRunId").asLong()).isEqualTo(mayRun);
        assertThat(http.get("/api/v1/settlement/feed?after=" + corrections.get("next").asString()).json().get("items")).isEmpty();
    }

    @Test
    @Order(7)
    void refusesRunsOnOverlappingContractsAGapOrAMissingPriceAndWritesNothing() {
        Instant recorded = Instant.now().minusSeconds(60);
        record("c-y1a", "y-1", "2027-01-01", "2027-02-01", new FixedPrice(YenPerKwh.of("8")), TaxTreatment.TAX_INCLUSIVE, recorded);
        record("c-y1b", "y-1", "2027-01-15", "2027-02-01", new FixedPrice(YenPerKwh.of("9")), TaxTreatment.TAX_INCLUSIVE, recorded);
        record("c-y2a", "y-2", "2027-01-01", "2027-01-10", new FixedPrice(YenPerKwh.of("8")), TaxTreatment.TAX_INCLUSIVE, recorded);
        record("c-y2b", "y-2", "2027-01-12", "2027-02-01", new FixedPrice(YenPerKwh.of("8")), TaxTreatment.TAX_INCLUSIVE, recorded);
        int runsBefore = http.get("/api/v1/settlement/runs").json().get("runs").size();

        HttpJson.Response rejected = http.as(ALICE).postJson("/api/v1/settlement/runs", "{\"month\":\"2027-01\"}");
        assertThat(rejected.status()).isEqualTo(422);
        assertThat(rejected.json().get("reason").asString()).isEqualTo("SETTLEMENT_INPUT_INVALID");
        JsonNode problems = rejected.json().get("problems");
        assertThat(problems).hasSize(2);
        assertThat(problems.get(0).get("reason").asString()).isEqualTo("OVERLAPPING_CONTRACTS");
        assertThat(problems.get(0).get("detail").asString()).isEqualTo("buy-back contracts c-y1a v1 [2027-01-01, 2027-02-01) and"
                + " c-y1b v1 [2027-01-15, 2027-02-01) of site y-1 overlap from 2027-01-15; end c-y1a on or before 2027-01-15");
        assertThat(problems.get(1).get("reason").asString()).isEqualTo("CONTRACT_GAP");
        assertThat(problems.get(1).get("detail").asString()).isEqualTo("site y-2 has no buy-back contract from 2027-01-10 until"
                + " 2027-01-12 (exclusive), between contracts c-y2a v1 [2027-01-01, 2027-01-10) and c-y2b v1 [2027-01-12, 2027-02-01);"
                + " extend one or add a contract for those days");

        record("c-y3", "y-3", "2027-03-01", "2027-04-01", new MarketLinked(JEPX, BigDecimal.ONE, YenPerKwh.of("0"), YenPerKwh.of("0")),
                TaxTreatment.TAX_INCLUSIVE, recorded);
        insertIntervals(List.<Object[]>of(new Object[] {"y-3", Slot.of(LocalDate.of(2027, 3, 2), 25), 100L, "MEASURED"}));
        HttpJson.Response noPrice = http.as(ALICE).postJson("/api/v1/settlement/runs", "{\"month\":\"2027-03\"}");
        assertThat(noPrice.status()).isEqualTo(422);
        assertThat(noPrice.json().get("problems").get(0).get("reason").asString()).isEqualTo("MISSING_PRICE");
        assertThat(noPrice.json().get("problems").get(0).get("detail").asString()).isEqualTo("price series jepx.spot.tokyo has no"
                + " price for slot 2027-03-02#25 (starting 2027-03-02T03:00:00Z); load the missing price, settlement never prices a slot at zero");

        assertThat(http.get("/api/v1/settlement/runs").json().get("runs").size()).isEqualTo(runsBefore);
    }

    @Test
    @Order(8)
    void settlesAMeterReadingPeriodForTheSitesReadOnThatDay() {
        Instant recorded = Instant.now().minusSeconds(60);
        contracts.record(new BuybackContract(ContractId.of("c-z1"), 1, SiteId.of("z-1"), Validity.from(LocalDate.of(2026, 4, 1)),
                new FixedPrice(YenPerKwh.of("9")), TaxTreatment.TAX_INCLUSIVE), Optional.of(14), recorded, "test");
        insertIntervals(List.of(
                new Object[] {"z-1", Slot.of(LocalDate.of(2026, 4, 13), 48), 4000L, "MEASURED"},
                new Object[] {"z-1", Slot.of(LocalDate.of(2026, 4, 14), 1), 1000L, "MEASURED"},
                new Object[] {"z-1", Slot.of(LocalDate.of(2026, 5, 13), 48), 1000L, "MEASURED"},
                new Object[] {"z-1", Slot.of(LocalDate.of(2026, 5, 14), 1), 4000L, "MEASURED"}));

        HttpJson.Response created = http.as(ALICE).postJson("/api/v1/settlement/runs", "{\"from\":\"2026-04-14\",\"until\":\"2026-05-14\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("periodKind").asString()).isEqualTo("METER_READING");
        JsonNode statements = http.get("/api/v1/settlement/runs/" + created.json().get("id").asLong() + "/statements").json().get("statements");
        assertThat(statements).hasSize(1);
        assertThat(statements.get(0).get("siteId").asString()).isEqualTo("z-1");
        // 2 kWh × 9 = 18 yen, 1 included tax; 30 days × 48 slots − 2 missing.
        assertThat(statements.get(0).get("energyWh").asLong()).isEqualTo(2000);
        assertThat(statements.get(0).get("payment").asLong()).isEqualTo(18);
        assertThat(statements.get(0).get("tax").asLong()).isEqualTo(1);
        assertThat(statements.get(0).get("missingSlots").asInt()).isEqualTo(30 * 48 - 2);
    }

    @Test
    @Order(9)
    void pagesRunsAndStatementsWithNextCursors() {
        List<String> sites = new ArrayList<>();
        String next = "/api/v1/settlement/runs/" + mayRun + "/statements?limit=2";
        int pages = 0;
        while (next != null) {
            JsonNode page = http.get(next).json();
            page.get("statements").forEach(s -> sites.add(s.get("siteId").asString() + " " + s.get("from").asString()));
            next = page.has("next") ? "/api/v1/settlement/runs/" + mayRun + "/statements?limit=2&after=" + page.get("next").asString() : null;
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(sites).containsExactly("x-fixed 2026-05-01", "x-market 2026-05-01", "x-missing 2026-05-01",
                "x-split 2026-05-01", "x-split 2026-05-16");

        JsonNode runs = http.get("/api/v1/settlement/runs?limit=1").json();
        assertThat(runs.get("runs")).hasSize(1);
        JsonNode older = http.get("/api/v1/settlement/runs?limit=10&before=" + runs.get("next").asString()).json();
        assertThat(older.get("runs").get(0).get("id").asLong()).isLessThan(runs.get("runs").get(0).get("id").asLong());
        assertThat(http.get("/v3/api-docs").json().get("paths").propertyNames()).contains("/api/v1/settlement/runs",
                "/api/v1/settlement/runs/{runId}/statements/{siteId}/lines", "/api/v1/settlement/runs/{runId}/export",
                "/api/v1/settlement/feed");
    }

    @Test
    @Order(10)
    void answersMistakesWithProblemDetails() {
        HttpJson.Response missing = http.get("/api/v1/settlement/runs/999999");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("reason").asString()).isEqualTo("RUN_NOT_FOUND");
        HttpJson.Response noUser = http.anonymous().postJson("/api/v1/settlement/runs", "{\"month\":\"2026-05\"}");
        assertThat(noUser.status()).isEqualTo(401);
        assertThat(noUser.json().get("reason").asString()).isEqualTo("UNAUTHENTICATED");
        HttpJson.Response badPeriod = http.as(ALICE).postJson("/api/v1/settlement/runs", "{\"month\":\"May\"}");
        assertThat(badPeriod.status()).isEqualTo(400);
        assertThat(badPeriod.json().get("detail").asString()).isEqualTo("month must look like 2026-05 and from/until like 2026-04-14, was 'May'");
        long draft = http.as(ALICE).postJson("/api/v1/settlement/runs", "{\"month\":\"2026-05\"}").json().get("id").asLong();
        HttpJson.Response notFinal = http.get("/api/v1/settlement/runs/" + draft + "/export");
        assertThat(notFinal.status()).isEqualTo(409);
        assertThat(notFinal.json().get("reason").asString()).isEqualTo("RUN_NOT_FINAL");
        HttpJson.Response superseded = http.as("carol").postJson("/api/v1/settlement/runs/" + mayRun2 + "/finalise", "{}");
        assertThat(superseded.status()).isEqualTo(409);
        HttpJson.Response badCharset = http.get("/api/v1/settlement/runs/" + mayRun + "/export?charset=EUC-JP");
        assertThat(badCharset.status()).isEqualTo(400);
        assertThat(badCharset.json().get("detail").asString())
                .isEqualTo("parameter 'charset' must be UTF-8, Shift_JIS or windows-31j, was 'EUC-JP'");
    }

    private void assertStatement(JsonNode s, String until, long wh, String amount, long truncated, long tax, long excluding,
                                 long payment, int measured, int estimated, int missing) {
        assertThat(s).as("statement").isNotNull();
        assertThat(s.get("until").asString()).isEqualTo(until);
        assertThat(s.get("energyWh").asLong()).isEqualTo(wh);
        assertThat(s.get("amount").asString()).isEqualTo(amount);
        assertThat(s.get("amountTruncated").asLong()).isEqualTo(truncated);
        assertThat(s.get("tax").asLong()).isEqualTo(tax);
        assertThat(s.get("amountExcludingTax").asLong()).isEqualTo(excluding);
        assertThat(s.get("payment").asLong()).isEqualTo(payment);
        assertThat(s.get("measuredSlots").asInt()).isEqualTo(measured);
        assertThat(s.get("estimatedSlots").asInt()).isEqualTo(estimated);
        assertThat(s.get("missingSlots").asInt()).isEqualTo(missing);
    }

    private void record(String id, String site, String from, String until, BuybackTariff tariff, TaxTreatment tax, Instant at) {
        contracts.record(new BuybackContract(ContractId.of(id), 1, SiteId.of(site),
                new Validity(LocalDate.parse(from), LocalDate.parse(until)), tariff, tax), Optional.empty(), at, "test");
    }

    private void insertIntervals(List<Object[]> rows) {
        SiteIntervals.insert(dataSource, rows.stream()
                .map(r -> SiteIntervals.Row.exported((String) r[0], (Slot) r[1], (Long) r[2], (String) r[3])).toList());
    }

    private static List<CSVRecord> csv(String text) throws java.io.IOException {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(text)).getRecords();
    }

    private static String region() {
        return """
                region: {id: st, name: 精算テスト地域}
                substations:
                  - id: st-ss
                    banks:
                      - id: st-b1
                        limits: [{from: 2024-04-01, reverseFlowLimitKw: 400, importLimitKw: 900}]
                        feeders:
                          - id: st-f1
                            from: 2024-04-01
                            limits: [{from: 2024-04-01, reverseFlowLimitKw: 150, importLimitKw: 400}]
                            sites:
                              - {id: x-fixed, name: 小田原 一郎, kind: HOUSEHOLD, from: 2024-04-01, supplyPoint: "0300000000000000000011", assets: [{type: meter, id: meter-1, metrologyClass: CERTIFIED}]}
                              - {id: x-market, name: 髙橋 二郎, kind: HOUSEHOLD, from: 2024-04-01, supplyPoint: "0300000000000000000012", assets: [{type: meter, id: meter-1, metrologyClass: CERTIFIED}]}
                """;
    }
}
