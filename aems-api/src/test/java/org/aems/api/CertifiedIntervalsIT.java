package org.aems.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.aems.api.settlement.ContractStore;
import org.aems.core.grid.SiteId;
import org.aems.core.grid.Validity;
import org.aems.core.settlement.BuybackContract;
import org.aems.core.settlement.ContractId;
import org.aems.core.settlement.FixedPrice;
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
 * Issue #6, the data of record, end to end on a real PostgreSQL: the transmission operator's certified values
 * imported from CSV (bad lines refused with line and reason, good lines stored), a run billed on them ahead of
 * the gateway intervals with the source and metrology class stated, the reconciliation of the two, a corrected
 * file superseding a value with its history kept, and the same file twice imported once. In order: one story.
 *
 * <p>Three sites settled for one meter-reading day, 2026-06-01 (reading day 2), at 10 yen/kWh tax-inclusive,
 * each with 48 gateway slots of 100 Wh export: d-cert (certified meter, certified values arrive; its gateway
 * slot 48 is MISSING), d-gw (certified meter, no certified values yet: provisional) and d-spec (特定計量 meter:
 * its own values are the data of record).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CertifiedIntervalsIT {

    static final LocalDate JUNE_1 = LocalDate.of(2026, 6, 1);
    static final String CERT = "0300000000000000000031";
    static final String HEADER = "supply_point_number,date,slot,import_kwh,export_kwh\n";
    static final String RUN = "{\"from\":\"2026-06-01\",\"until\":\"2026-06-02\"}";

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.context.ApplicationContext context;
    @Autowired
    ContractStore contracts;
    @Autowired
    DataSource dataSource;
    HttpJson http;
    final HttpClient client = HttpClient.newHttpClient();
    long firstBatch;
    JsonNode firstReport;
    long run1;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestApp.onDatabaseOnly(registry);
    }

    @BeforeAll
    void data() {
        http = HttpJson.signedIn(port, context);
        HttpJson.Response imported = http.post("/api/v1/registry/import", "application/yaml", region());
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        Instant recorded = Instant.now().minusSeconds(60);
        for (String site : List.of("d-cert", "d-gw", "d-spec")) {
            contracts.record(new BuybackContract(ContractId.of("c-" + site), 1, SiteId.of(site), Validity.from(LocalDate.of(2026, 4, 1)),
                    new FixedPrice(YenPerKwh.of("10")), TaxTreatment.TAX_INCLUSIVE), Optional.of(2), recorded, "test");
        }
        List<Object[]> rows = new ArrayList<>();
        for (int i = 1; i <= 48; i++) {
            rows.add(new Object[] {"d-cert", Slot.of(JUNE_1, i), i == 48 ? null : 100L});
            rows.add(new Object[] {"d-gw", Slot.of(JUNE_1, i), 100L});
            rows.add(new Object[] {"d-spec", Slot.of(JUNE_1, i), 100L});
        }
        insertIntervals(rows);
    }

    /** d-cert's 48 slots of 2026-06-01 on lines 2..49 (slot n on line n + 1), then bad lines and one good one. */
    static String firstFile() {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 1; i <= 48; i++) {
            String importKwh = i == 7 ? "0.010" : "0";
            String exportKwh = i == 5 ? "0.250" : i == 48 ? "0.300" : "0.1";
            csv.append(CERT).append(",2026-06-01,").append(i).append(',').append(importKwh).append(',').append(exportKwh).append('\n');
        }
        csv.append("0399999999999999999999,2026-06-01,1,0,0.1\n"); // 50
        csv.append(CERT).append(",2026-06-01,49,0,0.1\n"); // 51
        csv.append(CERT).append(",2026-06-02,2,0,-0.1\n"); // 52
        csv.append(CERT).append(",2026-06-02,3,abc,0.1\n"); // 53
        csv.append(CERT).append(",2026-06-02,4,0,1.2345\n"); // 54
        csv.append(CERT).append(",2026-06-01,5,0,0.999\n"); // 55: slot 5 again
        csv.append("12345,2026-06-01,1,0,0.1\n"); // 56
        csv.append(CERT).append(",2026-06-31,1,0,0.1\n"); // 57
        csv.append(CERT).append(",2026-06-02,1,0,0.5\n"); // 58: good, outside the settled day
        csv.append(CERT).append(",2026-06-02,5,0\n"); // 59
        return csv.toString();
    }

    @Test
    @Order(1)
    void importsTheGoodLinesAndRefusesEachBadLineWithItsNumberAndReason() throws Exception {
        HttpJson.Response r = postCsv("/api/v1/settlement/certified-intervals?fileName=tepco-2026-06-01.csv", firstFile(), "carol");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        firstReport = r.json();
        firstBatch = firstReport.get("batchId").asLong();
        assertThat(firstReport.get("alreadyImported").asBoolean()).isFalse();
        assertThat(firstReport.get("fileName").asString()).isEqualTo("tepco-2026-06-01.csv");
        assertThat(firstReport.get("importedBy").asString()).isEqualTo("carol");
        assertThat(firstReport.get("lines").asInt()).isEqualTo(58);
        assertThat(firstReport.get("accepted").asInt()).isEqualTo(49);
        assertThat(firstReport.get("rejected").asInt()).isEqualTo(9);
        assertThat(firstReport.get("newValues").asInt()).isEqualTo(49);
        assertThat(firstReport.get("digest").asString()).hasSize(64);
        List<String> rejections = new ArrayList<>();
        firstReport.get("rejections").forEach(j -> rejections.add(j.get("line").asInt() + " " + j.get("reason").asString()));
        assertThat(rejections).containsExactly("50 UNKNOWN_SUPPLY_POINT_NUMBER", "51 SLOT_OUT_OF_RANGE", "52 NEGATIVE_VALUE",
                "53 MALFORMED_NUMBER", "54 TOO_MANY_DECIMALS", "55 DUPLICATE_LINE", "56 MALFORMED_SUPPLY_POINT_NUMBER",
                "57 MALFORMED_DATE", "59 MALFORMED_LINE");
        assertThat(firstReport.get("rejections").get(5).get("detail").asString())
                .isEqualTo("same supply point and slot (2026-06-01#5) as line 6, which is kept; send a correction as a new file");
        assertThat(firstReport.get("rejections").get(4).get("detail").asString())
                .isEqualTo("export_kwh has more than 3 decimals (finer than 1 Wh), was 1.2345");

        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            ResultSet rs = s.executeQuery("SELECT count(*), sum(export_wh), sum(import_wh) FROM certified_interval");
            rs.next();
            // 46 × 100 + 250 + 300 on 2026-06-01, 500 on 2026-06-02; import 10 Wh in slot 7.
            assertThat(rs.getLong(1)).isEqualTo(49);
            assertThat(rs.getLong(2)).isEqualTo(46 * 100 + 250 + 300 + 500);
            assertThat(rs.getLong(3)).isEqualTo(10);
            rs = s.executeQuery("SELECT export_wh, batch_id, version FROM certified_interval WHERE slot_start = '"
                    + Slot.of(JUNE_1, 5).start() + "'");
            rs.next();
            assertThat(rs.getLong(1)).as("the first line for slot 5 is kept").isEqualTo(250);
            assertThat(rs.getLong(2)).isEqualTo(firstBatch);
            assertThat(rs.getInt(3)).isEqualTo(1);
            rs = s.executeQuery("SELECT count(*) FROM certified_import_rejection WHERE batch_id = " + firstBatch);
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(9);
        }
    }

    @Test
    @Order(2)
    void theSameFileTwiceIsImportedOnceAndAnswersWithTheFirstReport() throws Exception {
        HttpJson.Response again = postCsv("/api/v1/settlement/certified-intervals", firstFile(), "dave");
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        JsonNode report = again.json();
        assertThat(report.get("alreadyImported").asBoolean()).isTrue();
        assertThat(report.get("batchId").asLong()).isEqualTo(firstBatch);
        assertThat(report.get("importedBy").asString()).isEqualTo("carol");
        assertThat(report.get("rejections")).isEqualTo(firstReport.get("rejections"));
        assertThat(count("SELECT count(*) FROM certified_import_batch")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM certified_interval_history")).isEqualTo(49);

        JsonNode stored = http.get("/api/v1/settlement/certified-intervals/batches/" + firstBatch + "?afterLine=55").json();
        assertThat(stored.get("accepted").asInt()).isEqualTo(49);
        assertThat(stored.get("digest").asString()).isEqualTo(firstReport.get("digest").asString());
        assertThat(stored.get("rejections")).hasSize(3);
        assertThat(stored.get("rejections").get(0).get("line").asInt()).isEqualTo(56);
        assertThat(stored.get("rejectionsTruncated").asBoolean()).isFalse();
        HttpJson.Response none = http.get("/api/v1/settlement/certified-intervals/batches/999999");
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.json().get("reason").asString()).isEqualTo("BATCH_NOT_FOUND");
    }

    @Test
    @Order(3)
    void aRunBillsCertifiedValuesAheadOfGatewayIntervalsAndStatesSourceAndMetrologyClass() {
        HttpJson.Response created = http.as("alice").postJson("/api/v1/settlement/runs", RUN);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode run = created.json();
        run1 = run.get("id").asLong();
        assertThat(run.get("statements").asInt()).isEqualTo(3);
        assertThat(run.get("incompleteStatements").asInt()).isZero();
        assertThat(run.get("provisionalStatements").asInt()).isEqualTo(1);
        JsonNode certified = run.get("manifest").get("certified");
        assertThat(certified.get("table").asString()).isEqualTo("certified_interval");
        assertThat(certified.get("rows").asLong()).isEqualTo(48);
        assertThat(certified.get("batches").get(0).asLong()).isEqualTo(firstBatch);
        assertThat(certified.get("batches")).hasSize(1);

        // Certified: 46 × 100 + 250 + 300 = 5,150 Wh × 10 yen/kWh = 51.5 → 51 yen, 4 tax included. On gateway values
        // it would have been 47 slots × 100 Wh = 47 yen and one slot missing.
        JsonNode cert = statement(run1, "d-cert");
        assertThat(cert.get("energyWh").asLong()).isEqualTo(5150);
        assertThat(cert.get("amount").asString()).isEqualTo("51.500");
        assertThat(cert.get("payment").asLong()).isEqualTo(51);
        assertThat(cert.get("tax").asLong()).isEqualTo(4);
        assertThat(cert.get("certifiedSlots").asInt()).isEqualTo(48);
        assertThat(cert.get("gatewaySlots").asInt()).isZero();
        assertThat(cert.get("missingSlots").asInt()).isZero();
        assertThat(cert.get("metrologyClass").asString()).isEqualTo("CERTIFIED");
        assertThat(cert.get("provisional").asBoolean()).isFalse();

        JsonNode gw = statement(run1, "d-gw");
        assertThat(gw.get("payment").asLong()).isEqualTo(48);
        assertThat(gw.get("certifiedSlots").asInt()).isZero();
        assertThat(gw.get("gatewaySlots").asInt()).isEqualTo(48);
        assertThat(gw.get("metrologyClass").asString()).isEqualTo("CERTIFIED");
        assertThat(gw.get("provisional").asBoolean()).isTrue();

        JsonNode spec = statement(run1, "d-spec");
        assertThat(spec.get("payment").asLong()).isEqualTo(48);
        assertThat(spec.get("gatewaySlots").asInt()).isEqualTo(48);
        assertThat(spec.get("metrologyClass").asString()).isEqualTo("SPECIFIED_MEASUREMENT");
        assertThat(spec.get("provisional").asBoolean()).as("特定計量: its own values are the data of record").isFalse();

        JsonNode lines = http.get("/api/v1/settlement/runs/" + run1 + "/statements/d-cert/lines").json().get("statements").get(0);
        assertThat(lines.get("reproduced").asBoolean()).isTrue();
        assertThat(lines.get("lines")).hasSize(48);
        assertThat(lines.get("lines").get(4).get("energyWh").asLong()).isEqualTo(250);
        assertThat(lines.get("lines").get(47).get("source").asString()).isEqualTo("CERTIFIED");
        assertThat(http.get("/api/v1/settlement/runs/" + run1 + "/statements/d-gw/lines").json().get("statements").get(0)
                .get("lines").get(0).get("source").asString()).isEqualTo("GATEWAY");
    }

    @Test
    @Order(4)
    void finalisingWithProvisionalStatementsNeedsARecordedDecision() throws Exception {
        String url = "/api/v1/settlement/runs/" + run1 + "/finalise";
        HttpJson.Response refused = http.as("bob").postJson(url, "{}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("reason").asString()).isEqualTo("PROVISIONAL_STATEMENTS");
        assertThat(refused.json().get("detail").asString()).startsWith("settlement run " + run1 + " has 1 statement(s) billed on"
                + " gateway values where the transmission operator's certified values are expected;");
        assertThat(http.get("/api/v1/settlement/runs/" + run1).json().get("status").asString()).isEqualTo("DRAFT");

        HttpJson.Response done = http.as("bob").postJson(url, "{\"acceptProvisional\":true}");
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(done.json().get("status").asString()).isEqualTo("FINAL");
        assertThat(done.json().get("provisionalStatements").asInt()).isEqualTo(1);
        assertThat(done.json().get("provisionalAccepted").asBoolean()).isTrue();
        assertThat(done.json().get("incompleteAccepted").asBoolean()).as("nothing was incomplete: no decision to record").isFalse();
        HttpJson.Bytes export = http.getBytes("/api/v1/settlement/runs/" + run1 + "/export");
        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(new String(export.body(), StandardCharsets.UTF_8))).getRecords();
        CSVRecord gw = records.stream().filter(r -> r.get("site_id").equals("d-gw")).findFirst().orElseThrow();
        assertThat(gw.get("gateway_slots")).isEqualTo("48");
        assertThat(gw.get("metrology_class")).isEqualTo("CERTIFIED");
        assertThat(gw.get("provisional")).isEqualTo("true");
    }

    @Test
    @Order(5)
    void theReconciliationListsExactlyTheSlotsWhereTheSourcesDiffer() {
        JsonNode page = http.get("/api/v1/settlement/reconciliation?from=2026-06-01&until=2026-06-02&limit=2").json();
        assertThat(page.get("sites")).hasSize(2);
        JsonNode cert = page.get("sites").get(0);
        assertThat(cert.get("siteId").asString()).isEqualTo("d-cert");
        assertThat(cert.get("slotsCompared").asInt()).isEqualTo(47);
        assertThat(cert.get("slotsDiffering").asInt()).isEqualTo(2);
        assertThat(cert.get("exportDifferenceWh").asLong()).isEqualTo(-150);
        assertThat(cert.get("importDifferenceWh").asLong()).isEqualTo(-10);
        assertThat(cert.get("slotsOnlyCertified").asInt()).isEqualTo(1);
        assertThat(cert.get("slotsOnlyGateway").asInt()).isZero();
        JsonNode slots = cert.get("slots");
        assertThat(slots).hasSize(3);
        assertThat(slots.get(0).get("slot").asString()).isEqualTo("2026-06-01#5");
        assertThat(slots.get(0).get("start").asString()).isEqualTo("2026-06-01T02:00:00+09:00");
        assertThat(slots.get(0).get("kind").asString()).isEqualTo("DIFFERENT");
        assertThat(slots.get(0).get("gatewayExportWh").asLong()).isEqualTo(100);
        assertThat(slots.get(0).get("certifiedExportWh").asLong()).isEqualTo(250);
        assertThat(slots.get(0).get("exportDifferenceWh").asLong()).isEqualTo(-150);
        assertThat(slots.get(0).get("gatewayQuality").asString()).isEqualTo("MEASURED");
        assertThat(slots.get(0).get("gatewaySource").asString()).isEqualTo("FIXED_VALUE");
        assertThat(slots.get(0).get("certifiedBatchId").asLong()).isEqualTo(firstBatch);
        assertThat(slots.get(1).get("slot").asString()).isEqualTo("2026-06-01#7");
        assertThat(slots.get(1).get("importDifferenceWh").asLong()).isEqualTo(-10);
        assertThat(slots.get(1).get("exportDifferenceWh").asLong()).isZero();
        assertThat(slots.get(2).get("slot").asString()).isEqualTo("2026-06-01#48");
        assertThat(slots.get(2).get("kind").asString()).isEqualTo("ONLY_CERTIFIED");
        assertThat(slots.get(2).has("gatewayExportWh")).isFalse();
        JsonNode gw = page.get("sites").get(1);
        assertThat(gw.get("siteId").asString()).isEqualTo("d-gw");
        assertThat(gw.get("slotsOnlyGateway").asInt()).isEqualTo(48);
        assertThat(gw.get("slotsCompared").asInt()).isZero();

        JsonNode last = http.get("/api/v1/settlement/reconciliation?from=2026-06-01&until=2026-06-02&limit=2&after="
                + page.get("next").asString()).json();
        assertThat(last.get("sites")).hasSize(1);
        assertThat(last.get("sites").get(0).get("siteId").asString()).isEqualTo("d-spec");
        assertThat(last.has("next")).isFalse();

        JsonNode one = http.get("/api/v1/settlement/reconciliation?from=2026-06-01&until=2026-06-03&siteId=d-cert").json();
        assertThat(one.get("sites")).hasSize(1);
        // 2 June: only the certified value of slot 1 (no gateway intervals that day).
        assertThat(one.get("sites").get(0).get("slotsOnlyCertified").asInt()).isEqualTo(2);

        HttpJson.Response csv = http.get("/api/v1/settlement/reconciliation?from=2026-06-01&until=2026-06-02&siteId=d-cert&format=csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).startsWith("site_id,slot,slot_start,kind,gateway_import_wh,gateway_export_wh,gateway_quality,"
                + "gateway_source,certified_import_wh,certified_export_wh,certified_batch_id,import_difference_wh,export_difference_wh\r\n"
                + "d-cert,2026-06-01#5,2026-06-01T02:00:00+09:00,DIFFERENT,0,100,MEASURED,FIXED_VALUE,0,250," + firstBatch + ",0,-150\r\n");
        assertThat(csv.body().lines()).hasSize(4);

        HttpJson.Response bad = http.get("/api/v1/settlement/reconciliation?from=2026-06-01&until=2026-09-01");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("reason").asString()).isEqualTo("INVALID_PARAMETER");
    }

    @Test
    @Order(6)
    void aCorrectedFileSupersedesTheValueKeepsItsHistoryTheSettledLinesStayAndTheReRunUsesIt() throws Exception {
        String corrected = HEADER + CERT + ",2026-06-01,5,0,0.200\n" + CERT + ",2026-06-01,6,0,0.1\n";
        HttpJson.Response r = postCsv("/api/v1/settlement/certified-intervals?fileName=tepco-2026-06-01-corrected.csv", corrected, "carol");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        long secondBatch = r.json().get("batchId").asLong();
        assertThat(r.json().get("accepted").asInt()).isEqualTo(2);
        assertThat(r.json().get("superseding").asInt()).isEqualTo(1);
        assertThat(r.json().get("unchanged").asInt()).isEqualTo(1);
        assertThat(r.json().get("newValues").asInt()).isZero();
        assertThat(r.json().get("rejections")).isEmpty();

        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT export_wh, batch_id FROM certified_interval_history WHERE slot_start = ? ORDER BY batch_id")) {
            ps.setTimestamp(1, Timestamp.from(Slot.of(JUNE_1, 5).start()));
            ResultSet rs = ps.executeQuery();
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1)).isEqualTo(250);
            assertThat(rs.getLong(2)).isEqualTo(firstBatch);
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1)).isEqualTo(200);
            assertThat(rs.getLong(2)).isEqualTo(secondBatch);
            assertThat(rs.next()).isFalse();
        }
        assertThat(count("SELECT version FROM certified_interval WHERE slot_start = '" + Slot.of(JUNE_1, 5).start() + "'")).isEqualTo(2);
        assertThat(count("SELECT batch_id FROM certified_interval WHERE slot_start = '" + Slot.of(JUNE_1, 6).start() + "'"))
                .as("an unchanged value keeps the batch that first said it").isEqualTo(firstBatch);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("UPDATE certified_interval_history SET export_wh = 0"))
                    .hasMessageContaining("certified_interval_history is append-only");
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM certified_interval"))
                    .hasMessageContaining("changes only by a later import batch");
        }

        // The FINAL run 1 still shows the lines it paid: slot 5 at the first batch's 250 Wh, the batch it could see.
        JsonNode settled = http.get("/api/v1/settlement/runs/" + run1 + "/statements/d-cert/lines").json().get("statements").get(0);
        assertThat(settled.get("reproduced").asBoolean()).isTrue();
        assertThat(settled.get("lines").get(4).get("energyWh").asLong()).isEqualTo(250);
        assertThat(settled.get("lines").get(4).get("source").asString()).isEqualTo("CERTIFIED");

        HttpJson.Response rerun = http.as("alice").postJson("/api/v1/settlement/runs", RUN);
        assertThat(rerun.status()).as(rerun.body()).isEqualTo(201);
        long run2 = rerun.json().get("id").asLong();
        assertThat(rerun.json().get("version").asInt()).isEqualTo(2);
        JsonNode batches = rerun.json().get("manifest").get("certified").get("batches");
        assertThat(List.of(batches.get(0).asLong(), batches.get(1).asLong())).containsExactly(firstBatch, secondBatch);
        // 5,150 − 50 Wh = 5,100 Wh × 10 = 51.0 yen.
        JsonNode cert = statement(run2, "d-cert");
        assertThat(cert.get("energyWh").asLong()).isEqualTo(5100);
        assertThat(cert.get("amount").asString()).isEqualTo("51.000");
        JsonNode diff = http.get("/api/v1/settlement/runs/" + run2 + "/diff").json().get("changes");
        assertThat(diff).hasSize(1);
        assertThat(diff.get(0).get("siteId").asString()).isEqualTo("d-cert");
    }

    @Test
    @Order(7)
    void refusesAFileWithoutTheHeaderAndStoresNothing() throws Exception {
        long batches = count("SELECT count(*) FROM certified_import_batch");
        HttpJson.Response r = postCsv("/api/v1/settlement/certified-intervals", CERT + ",2026-06-01,1,0,0.1\n", "carol");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("reason").asString()).isEqualTo("CERTIFIED_FILE_INVALID");
        assertThat(r.json().get("detail").asString()).startsWith("line 1 must be the header"
                + " supply_point_number,date,slot,import_kwh,export_kwh");
        HttpJson.Response hopeless = postCsv("/api/v1/settlement/certified-intervals", HEADER + "x\n".repeat(100_001), "carol");
        assertThat(hopeless.status()).isEqualTo(400);
        assertThat(hopeless.json().get("detail").asString()).isEqualTo("more than 100000 lines refused (the first: line 2,"
                + " MALFORMED_LINE: line has 1 column(s), expected 5 (supply_point_number,date,slot,import_kwh,export_kwh)); the file"
                + " is wrong as a whole (columns swapped, another format?) and nothing was stored");
        HttpJson.Response noUser = http.anonymous().post("/api/v1/settlement/certified-intervals", "text/csv", HEADER);
        assertThat(noUser.status()).isEqualTo(401);
        assertThat(noUser.json().get("reason").asString()).isEqualTo("UNAUTHENTICATED");
        assertThat(count("SELECT count(*) FROM certified_import_batch")).isEqualTo(batches);
    }

    @Test
    @Order(8)
    void theBalancingPlansActualIsTheCertifiedValuesWhereEverySiteHasOne() throws Exception {
        // Slot 1 of 1 June: d-cert's value is in (0 import, 0.1 export); the operator's file now brings the other two.
        String rest = HEADER + "0300000000000000000032,2026-06-01,1,0.4,0\n0300000000000000000033,2026-06-01,1,0.2,0.05\n";
        HttpJson.Response r = postCsv("/api/v1/settlement/certified-intervals?fileName=tepco-2026-06-01-rest.csv", rest, "carol");
        assertThat(r.status()).as(r.body()).isEqualTo(201);

        JsonNode slots = http.get("/api/v1/balancing-plan?date=2026-06-01").json().get("slots");
        // −100 + 400 + 150 Wh: the settled imbalance's basis, not the gateways' provisional sum.
        assertThat(slots.get(0).get("actualSource").asString()).isEqualTo("CERTIFIED");
        assertThat(slots.get(0).get("actualKwh").decimalValue()).isEqualByComparingTo("0.450");
        // Slot 2 has d-cert's value only: never a partial sum as the region's actual.
        assertThat(slots.get(1).path("actualSource").asString(null)).isNull();
        assertThat(slots.get(1).path("actualKwh").asString(null)).isNull();
        assertThat(http.get("/api/v1/balancing-plan/csv?date=2026-06-01").body().lines().skip(1).findFirst().orElseThrow())
                .startsWith("2026-06-01,1,2026-06-01T00:00+09:00,,,0.450,").endsWith(",CERTIFIED");
    }

    private JsonNode statement(long runId, String site) {
        HttpJson.Response r = http.get("/api/v1/settlement/runs/" + runId + "/statements/" + site);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get(0);
    }

    private HttpJson.Response postCsv(String path, String csv, String user) throws IOException, InterruptedException {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "text/csv").header("Authorization", "Bearer " + http.as(user).apiKey())
                .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new HttpJson.Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(), r.headers());
    }

    private long count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void insertIntervals(List<Object[]> rows) {
        SiteIntervals.insert(dataSource, rows.stream().map(r -> SiteIntervals.Row.exported((String) r[0], (Slot) r[1], (Long) r[2],
                r[2] == null ? "MISSING" : "MEASURED")).toList());
    }

    private static String region() {
        return """
                region: {id: dr, name: 確定値テスト地域}
                substations:
                  - id: dr-ss
                    banks:
                      - id: dr-b1
                        limits: [{from: 2024-04-01, reverseFlowLimitKw: 400, importLimitKw: 900}]
                        feeders:
                          - id: dr-f1
                            from: 2024-04-01
                            limits: [{from: 2024-04-01, reverseFlowLimitKw: 150, importLimitKw: 400}]
                            sites:
                              - {id: d-cert, name: 確定 一郎, kind: HOUSEHOLD, from: 2024-04-01, supplyPoint: "0300000000000000000031", assets: [{type: meter, id: meter-1, metrologyClass: CERTIFIED}]}
                              - {id: d-gw, name: 仮 二郎, kind: HOUSEHOLD, from: 2024-04-01, supplyPoint: "0300000000000000000032", assets: [{type: meter, id: meter-1, metrologyClass: CERTIFIED}]}
                              - {id: d-spec, name: 特定 三郎, kind: HOUSEHOLD, from: 2024-04-01, supplyPoint: "0300000000000000000033", assets: [{type: meter, id: meter-1, metrologyClass: SPECIFIED_MEASUREMENT}]}
                """;
    }
}
