package org.aems.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.aems.api.settlement.SeriesStore;
import org.aems.api.settlement.SupplyContractStore;
import org.aems.api.settlement.SupplySettings;
import org.aems.core.grid.SiteId;
import org.aems.core.grid.Validity;
import org.aems.core.series.SeriesId;
import org.aems.core.series.SeriesValue;
import org.aems.core.series.SeriesVersion;
import org.aems.core.settlement.BuybackTariff;
import org.aems.core.settlement.ContractId;
import org.aems.core.settlement.FixedPrice;
import org.aems.core.settlement.SettlementPeriod;
import org.aems.core.settlement.TaxTreatment;
import org.aems.core.settlement.supply.BasicChargeRate;
import org.aems.core.settlement.supply.PowerFactor;
import org.aems.core.settlement.supply.SupplyContract;
import org.aems.core.settlement.supply.SupplyVoltage;
import org.aems.core.time.Jst;
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
 * Issue #6 supply bills end to end on a real PostgreSQL: a May 2026 run bills a high-voltage school on its
 * ratcheted demand (a peak 9 months back counts, one 12 months back does not) with a time-of-use energy
 * charge, a power-factor discount, a negative fuel-cost adjustment (the newest series version) and the
 * FY2026 renewable surcharge, to the yen; a low-voltage shelter with missing slots is incomplete; four-eyes
 * finalisation; the export; overlapping supply contracts refused with 422 and nothing written; the transmission
 * operator's certified values billed as the data of record, its peak included, and a bill on gateway values provisional.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SupplyBillIT {

    static final SeriesId FUEL = new SeriesId("fuel-cost.high-voltage");
    static final YearMonth MAY_2026 = YearMonth.of(2026, 5);
    static final String ACCEPT_BOTH = "{\"acceptIncomplete\":true,\"acceptProvisional\":true}";
    static final String SCHOOL_SUPPLY_POINT = "0300000000000000000021";

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.context.ApplicationContext context;
    @Autowired
    SupplyContractStore contracts;
    @Autowired
    SeriesStore series;
    @Autowired
    DataSource dataSource;
    @Autowired
    SupplySettings settings;
    HttpJson http;
    long run;
    long run2;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestApp.onDatabaseOnly(registry);
        // A test value, not METI's FY2026 rate: configure the published one in production.
        registry.add("aems.settlement.supply.renewable-surcharge[2026]", () -> "4.05");
        registry.add("aems.settlement.supply.issuer-registration-number", () -> "T1234567890123");
        registry.add("aems.settlement.supply.issuer-name", () -> "湘南電力株式会社");
    }

    @BeforeAll
    void data() {
        http = HttpJson.signedIn(port, context);
        HttpJson.Response imported = http.post("/api/v1/registry/import", "application/yaml", region());
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        Instant recorded = Instant.now().minusSeconds(60);

        // Through the API, as the operator records them. Weekdays 08:00–22:00 (slots 17..44) at 25 yen/kWh, nights,
        // weekends and public holidays at 18.
        String tou = """
                {"kind":"TIME_OF_USE","bands":[{"dayType":"WEEKDAY","firstSlot":1,"lastSlot":16,"price":"18"},
                 {"dayType":"WEEKDAY","firstSlot":17,"lastSlot":44,"price":"25"},{"dayType":"WEEKDAY","firstSlot":45,"lastSlot":48,"price":"18"},
                 {"dayType":"WEEKEND_OR_HOLIDAY","firstSlot":1,"lastSlot":48,"price":"18"}]}""";
        HttpJson.Response school = supplyContract("sc-school", "{\"siteId\":\"f-school\",\"from\":\"2025-04-01\",\"voltage\":"
                + "\"HIGH_VOLTAGE\",\"basicCharge\":\"1800\",\"energyTariff\":" + tou + ",\"powerFactor\":95,\"fuelCostSeries\":\""
                + FUEL.value() + "\",\"taxTreatment\":\"TAX_EXCLUSIVE\"}");
        assertThat(school.status()).as(school.body()).isEqualTo(201);
        assertThat(school.json().get("version").asInt()).isEqualTo(1);
        assertThat(school.json().get("energyTariff").get("bands")).hasSize(4);
        HttpJson.Response shelter = supplyContract("sc-shelter", "{\"siteId\":\"f-shelter\",\"from\":\"2026-04-01\",\"voltage\":"
                + "\"LOW_VOLTAGE\",\"contractedKw\":\"10\",\"basicCharge\":\"300\",\"energyTariff\":{\"kind\":\"FIXED\",\"price\":\"30\"},"
                + "\"powerFactor\":85,\"fuelCostSeries\":\"" + FUEL.value() + "\",\"taxTreatment\":\"TAX_INCLUSIVE\"}");
        assertThat(shelter.status()).as(shelter.body()).isEqualTo(201);

        List<Object[]> rows = new ArrayList<>();
        Slot peak = Slot.of(LocalDate.of(2026, 5, 12), 28); // a Tuesday, 13:30: day band
        for (Slot slot : SettlementPeriod.calendarMonth(MAY_2026).slots()) {
            rows.add(new Object[] {"f-school", slot, slot.equals(peak) ? 20_000L : 10_000L, "MEASURED"});
        }
        // The ratchet: 90 kW in August 2025 (9 months back) counts; 120 kW in May 2025 (12 months back) does not. The 11
        // months before May are measured in full (10 kWh a slot), so the history has no gap.
        Slot augustPeak = Slot.of(LocalDate.of(2025, 8, 20), 30);
        for (Slot slot = Slot.of(LocalDate.of(2025, 6, 1), 1); slot.date().isBefore(LocalDate.of(2026, 5, 1)); slot = slot.next()) {
            rows.add(new Object[] {"f-school", slot, slot.equals(augustPeak) ? 45_000L : 10_000L, "MEASURED"});
        }
        rows.add(new Object[] {"f-school", Slot.of(LocalDate.of(2025, 5, 15), 30), 60_000L, "MEASURED"});
        for (int i = 1; i <= 10; i++) {
            rows.add(new Object[] {"f-shelter", Slot.of(LocalDate.of(2026, 5, 3), i), 2_000L, "MEASURED"});
        }
        rows.add(new Object[] {"f-shelter", Slot.of(LocalDate.of(2026, 5, 3), 11), null, "MISSING"});
        insertIntervals(rows);

        // Version 2 of May's fuel-cost adjustment replaces version 1: the run uses −1.37 and records version 2.
        Instant mayStart = MAY_2026.atDay(1).atStartOfDay(Jst.ZONE).toInstant();
        Instant juneStart = MAY_2026.plusMonths(1).atDay(1).atStartOfDay(Jst.ZONE).toInstant();
        for (String[] v : List.of(new String[] {"1", "-1.50"}, new String[] {"2", "-1.37"})) {
            SeriesVersion version = new SeriesVersion(FUEL, Integer.parseInt(v[0]), recorded, "燃料費調整単価 (test)");
            series.recordPrices(version, List.of(new SeriesValue<>(mayStart, juneStart, YenPerKwh.of(v[1]), version)));
        }
    }

    @Test
    @Order(1)
    void billsTheMonthToTheYenOnTheRatchetedDemandWithEveryAdjustment() {
        HttpJson.Response created = http.as("alice").postJson("/api/v1/settlement/runs", "{\"month\":\"2026-05\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        run = created.json().get("id").asLong();
        assertThat(created.json().get("supplyBills").asInt()).isEqualTo(2);
        assertThat(created.json().get("incompleteSupplyBills").asInt()).isEqualTo(1);
        JsonNode supply = created.json().get("manifest").get("supply");
        assertThat(supply.get("fuelCostSeries").get(0).get("series").asString()).isEqualTo("fuel-cost.high-voltage");
        assertThat(supply.get("fuelCostSeries").get(0).get("versions").get(0).asInt()).isEqualTo(2);
        assertThat(supply.get("renewableSurchargeFiscalYear").asInt()).isEqualTo(2026);
        assertThat(supply.get("renewableSurcharge").asString()).isEqualTo("4.05");
        assertThat(supply.get("invoiceRegistrationNumber").asString()).isEqualTo("T1234567890123");

        JsonNode page = http.get("/api/v1/settlement/runs/" + run + "/supply-bills").json();
        assertThat(page.get("supplyBills")).hasSize(2);
        JsonNode school = http.get("/api/v1/settlement/runs/" + run + "/supply-bills/f-school").json().get(0);
        // 1,487 slots × 10 kWh + one of 20 kWh (40 kW) = 14,890 kWh; the billing demand is August 2025's 90 kW.
        assertThat(school.get("energyWh").asLong()).isEqualTo(14_890_000);
        assertThat(school.get("monthPeakKw").asString()).isEqualTo("40");
        assertThat(school.get("demandKw").asString()).isEqualTo("90");
        assertThat(school.get("demandSetIn").asString()).isEqualTo("2025-08");
        assertThat(school.get("chargedKw").asString()).isEqualTo("90");
        Map<String, String> lines = new HashMap<>();
        school.get("lines").forEach(l -> lines.put(l.get("kind").asString(), l.get("amount").asString()));
        // 90 kW × 1,800 = 162,000; PF 95 % → 10 % discount −16,200.
        assertThat(new BigDecimal(lines.get("BASIC_CHARGE"))).isEqualByComparingTo("162000");
        assertThat(new BigDecimal(lines.get("POWER_FACTOR_ADJUSTMENT"))).isEqualByComparingTo("-16200");
        // 21 weekdays less Golden Week's 4–6 May (holidays, the 6th a substitute) = 18 × 28 day slots = 504 at 25
        // (one of them the 20 kWh peak), 984 others at 18:
        // 503 × 10 × 25 + 20 × 25 + 984 × 10 × 18 = 125,750 + 500 + 177,120 = 303,370.
        assertThat(new BigDecimal(lines.get("ENERGY_CHARGE"))).isEqualByComparingTo("303370");
        // 14,890 × −1.37 = −20,399.30; × 4.05 (FY2026) = 60,304.50.
        assertThat(new BigDecimal(lines.get("FUEL_COST_ADJUSTMENT"))).isEqualByComparingTo("-20399.30");
        assertThat(new BigDecimal(lines.get("RENEWABLE_SURCHARGE"))).isEqualByComparingTo("60304.50");
        // Σ 489,075.20 → 489,075; tax ⌊48,907.5⌋ = 48,907; total 537,982.
        assertThat(new BigDecimal(school.get("amount").asString())).isEqualByComparingTo("489075.20");
        assertThat(school.get("amountTruncated").asLong()).isEqualTo(489_075);
        assertThat(school.get("tax").asLong()).isEqualTo(48_907);
        assertThat(school.get("total").asLong()).isEqualTo(537_982);
        assertThat(school.get("complete").asBoolean()).isTrue();
        assertThat(school.get("fuelCostVersion").asInt()).isEqualTo(2);
        JsonNode invoice = school.get("invoice");
        assertThat(invoice.get("registrationNumber").asString()).isEqualTo("T1234567890123");
        assertThat(invoice.get("issuer").asString()).isEqualTo("湘南電力株式会社");
        assertThat(invoice.get("taxRatePercent").asInt()).isEqualTo(10);
        assertThat(invoice.get("amountForRate").asLong()).isEqualTo(489_075);
        assertThat(invoice.get("taxForRate").asLong()).isEqualTo(48_907);

        JsonNode shelter = http.get("/api/v1/settlement/runs/" + run + "/supply-bills/f-shelter").json().get(0);
        // 10 kW × 300 = 3,000; 20 kWh × 30 = 600; × −1.37 = −27.4; × 4.05 = 81. Σ 3,653.6 → 3,653, tax-inclusive
        // share ⌊332.09⌋ = 332. The other 1,478 slots are missing, not zero.
        assertThat(shelter.get("total").asLong()).isEqualTo(3_653);
        assertThat(shelter.get("tax").asLong()).isEqualTo(332);
        assertThat(shelter.get("amountExcludingTax").asLong()).isEqualTo(3_321);
        assertThat(shelter.get("missingSlots").asInt()).isEqualTo(1478);
        assertThat(shelter.get("complete").asBoolean()).isFalse();
    }

    @Test
    @Order(2)
    void keepsFiscalYear2025FromApplicationYmlNextToTheConfiguredFiscalYear2026() {
        assertThat(settings.renewableSurcharge()).containsOnlyKeys(2025, 2026);
        assertThat(settings.renewableSurcharge().get(2025)).isEqualByComparingTo("3.98");
    }

    @Test
    @Order(3)
    void finalisingNeedsAnotherPersonAndAcceptingTheIncompleteBillThenExports() throws Exception {
        HttpJson.Response draftExport = http.get("/api/v1/settlement/runs/" + run + "/supply-bills/export");
        assertThat(draftExport.status()).isEqualTo(409);
        assertThat(draftExport.json().get("reason").asString()).isEqualTo("RUN_NOT_FINAL");
        String url = "/api/v1/settlement/runs/" + run + "/finalise";
        HttpJson.Response incomplete = http.as("bob").postJson(url, "{}");
        assertThat(incomplete.status()).isEqualTo(409);
        assertThat(incomplete.json().get("detail").asString()).startsWith("settlement run " + run
                + " has 0 statement(s) and 1 supply bill(s) with missing slots (");
        // Both bills are on gateway values: the school's certified meter expects the transmission operator's values, the
        // shelter has no meter registered.
        HttpJson.Response provisional = http.as("bob").postJson(url, "{\"acceptIncomplete\":true}");
        assertThat(provisional.status()).isEqualTo(409);
        assertThat(provisional.json().get("reason").asString()).isEqualTo("PROVISIONAL_STATEMENTS");
        assertThat(provisional.json().get("detail").asString()).startsWith("settlement run " + run
                + " has 0 statement(s) and 2 supply bill(s) billed on gateway values where");
        HttpJson.Response done = http.as("bob").postJson(url, ACCEPT_BOTH);
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(done.json().get("incompleteAccepted").asBoolean()).isTrue();
        assertThat(done.json().get("provisionalAccepted").asBoolean()).isTrue();
        assertThat(done.json().get("provisionalSupplyBills").asInt()).isEqualTo(2);

        HttpJson.Bytes csv = http.getBytes("/api/v1/settlement/runs/" + run + "/supply-bills/export");
        assertThat(csv.status()).isEqualTo(200);
        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(new String(csv.body(), StandardCharsets.UTF_8))).getRecords();
        assertThat(records).hasSize(2);
        CSVRecord school = records.get(0);
        assertThat(school.get("site_id")).isEqualTo("f-school");
        assertThat(school.get("site_name")).isEqualTo("小田原市立 久野小学校");
        assertThat(school.get("demand_set_in")).isEqualTo("2025-08");
        assertThat(school.get("total_yen")).isEqualTo("537982");
        assertThat(school.get("tax_yen")).isEqualTo("48907");
        assertThat(school.get("invoice_registration_number")).isEqualTo("T1234567890123");
        JsonNode json = http.get("/api/v1/settlement/runs/" + run + "/supply-bills/export?format=json").json();
        assertThat(json.get("supplyBills")).hasSize(2);
        assertThat(http.get("/v3/api-docs").json().get("paths").propertyNames()).contains(
                "/api/v1/settlement/runs/{runId}/supply-bills", "/api/v1/settlement/runs/{runId}/supply-bills/{siteId}",
                "/api/v1/settlement/runs/{runId}/supply-bills/export");

        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("UPDATE supply_bill SET total = 0 WHERE run_id = " + run))
                    .hasMessageContaining("supply bills of settlement run " + run + " are immutable");
            assertThatThrownBy(() -> s.executeUpdate("INSERT INTO supply_bill SELECT run_id, 'intruder', month, contract_id,"
                    + " contract_version, voltage, tax_treatment, energy_wh, charged_kw, month_peak_kw, demand_kw, demand_set_in,"
                    + " fuel_cost_adjustment, fuel_cost_series, fuel_cost_version, renewable_surcharge, lines, amount,"
                    + " amount_truncated, tax, amount_excluding_tax, total, measured_slots, estimated_slots, missing_slots,"
                    + " max_interval_revision, line_digest, invoice_registration, invoice_issuer, issued_on, tax_rate_percent"
                    + " FROM supply_bill WHERE run_id = " + run + " LIMIT 1"))
                    .hasMessageContaining("supply bills of settlement run " + run + " are immutable");
            assertThatThrownBy(() -> s.executeUpdate("UPDATE settlement_run SET supply_bills = 0 WHERE id = " + run))
                    .hasMessageContaining("settlement run " + run + " is FINAL and immutable");
            assertThatThrownBy(() -> s.executeUpdate("UPDATE supply_contract SET basic_charge = 0"))
                    .hasMessageContaining("supply_contract rows are append-only");
        }
    }

    @Test
    @Order(4)
    void refusesOverlappingSupplyContractsAndAMissingFuelCostWith422AndWritesNothing() {
        Instant recorded = Instant.now().minusSeconds(60);
        contracts.record(contract("sc-a", "f-hall", "2026-06-01", "2026-08-01", SupplyVoltage.LOW_VOLTAGE, "20", "300",
                new FixedPrice(YenPerKwh.of("30")), 85, TaxTreatment.TAX_EXCLUSIVE), recorded, "test");
        contracts.record(contract("sc-b", "f-hall", "2026-07-01", null, SupplyVoltage.LOW_VOLTAGE, "20", "300",
                new FixedPrice(YenPerKwh.of("30")), 85, TaxTreatment.TAX_EXCLUSIVE), recorded, "test");
        int runsBefore = http.get("/api/v1/settlement/runs").json().get("runs").size();

        HttpJson.Response rejected = http.as("alice").postJson("/api/v1/settlement/runs", "{\"month\":\"2026-07\"}");
        assertThat(rejected.status()).isEqualTo(422);
        assertThat(rejected.json().get("reason").asString()).isEqualTo("SETTLEMENT_INPUT_INVALID");
        JsonNode problems = rejected.json().get("problems");
        assertThat(problems).hasSize(2);
        assertThat(problems.get(0).get("reason").asString()).isEqualTo("OVERLAPPING_CONTRACTS");
        assertThat(problems.get(0).get("detail").asString()).isEqualTo("supply contracts sc-a v1 [2026-06-01, 2026-08-01) and"
                + " sc-b v1 [2026-07-01, open) of site f-hall overlap from 2026-07-01; end sc-a on or before 2026-07-01");
        // The school's contract runs on into July, whose fuel-cost adjustment is not loaded: never a zero.
        assertThat(problems.get(1).get("reason").asString()).isEqualTo("MISSING_PRICE");
        assertThat(problems.get(1).get("detail").asString()).startsWith("fuel-cost adjustment series fuel-cost.high-voltage has"
                + " no value for 2026-07");
        assertThat(http.get("/api/v1/settlement/runs").json().get("runs").size()).isEqualTo(runsBefore);
    }

    @Test
    @Order(5)
    void recomputesTheEnergyChargeSlotBySlotAndALatePeakMakesVersionTwoWithTheNewDemand() throws Exception {
        JsonNode school = http.get("/api/v1/settlement/runs/" + run + "/supply-bills/f-school/lines").json().get(0);
        assertThat(school.get("reproduced").asBoolean()).isTrue();
        assertThat(school.get("lines")).hasSize(1488);
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode line : school.get("lines")) {
            sum = sum.add(new BigDecimal(line.get("amount").asString()));
        }
        assertThat(sum).isEqualByComparingTo("303370");
        JsonNode peakLine = school.get("lines").get(11 * 48 + 27); // 2026-05-12 #28
        assertThat(peakLine.get("slot").asString()).isEqualTo("2026-05-12#28");
        assertThat(peakLine.get("energyWh").asLong()).isEqualTo(20_000);
        assertThat(peakLine.get("unitPrice").asString()).isEqualTo("25");
        JsonNode shelter = http.get("/api/v1/settlement/runs/" + run + "/supply-bills/f-shelter/lines").json().get(0);
        assertThat(shelter.get("lines")).hasSize(10);
        assertThat(shelter.get("missingSlots")).hasSize(1478);

        // A late reading: 50 kWh (100 kW) in a May slot, above August 2025's 90 kW.
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE site_interval SET import_wh = 50000, revision = revision + 1, computed_at = now() WHERE site_id = ? AND slot_start = ?")) {
            ps.setString(1, "f-school");
            ps.setTimestamp(2, Timestamp.from(Slot.of(LocalDate.of(2026, 5, 20), 10).start()));
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        // The FINAL version 1 still explains itself line by line as billed: its intervals as of its snapshot.
        JsonNode settled = http.get("/api/v1/settlement/runs/" + run + "/supply-bills/f-school/lines").json().get(0);
        assertThat(settled.get("reproduced").asBoolean()).isTrue();
        assertThat(settled.get("bill").get("demandKw").asString()).isEqualTo("90");
        assertThat(settled.get("lines")).hasSize(1488);
        assertThat(settled.get("lines").get(19 * 48 + 9).get("energyWh").asLong()).as("2026-05-20 #10 as billed").isEqualTo(10_000);

        HttpJson.Response again = http.as("alice").postJson("/api/v1/settlement/runs", "{\"month\":\"2026-05\"}");
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        run2 = again.json().get("id").asLong();
        assertThat(again.json().get("version").asInt()).isEqualTo(2);
        JsonNode v2 = http.get("/api/v1/settlement/runs/" + run2 + "/supply-bills/f-school").json().get(0);
        assertThat(v2.get("demandKw").asString()).isEqualTo("100");
        assertThat(v2.get("demandSetIn").asString()).isEqualTo("2026-05");
        assertThat(v2.get("maxIntervalRevision").asInt()).isEqualTo(2);
        JsonNode diff = http.get("/api/v1/settlement/runs/" + run2 + "/supply-bills/diff").json();
        assertThat(diff.get("previousRunId").asLong()).isEqualTo(run);
        assertThat(diff.get("changes")).hasSize(1);
        assertThat(diff.get("changes").get(0).get("siteId").asString()).isEqualTo("f-school");
        assertThat(diff.get("changes").get(0).get("change").asString()).isEqualTo("CHANGED");
        assertThat(diff.get("changes").get(0).get("previous").get("total").asLong()).isEqualTo(537_982);
        // 100 kW × 1,800 × 0.9 = 162,000; 303,370 + 40 kWh × 18 (04:30, night) = 304,090; 14,930 kWh × −1.37 =
        // −20,454.10 and × 4.05 = 60,466.50: Σ 506,102.40 → 506,102 + tax 50,610 = 556,712.
        assertThat(diff.get("changes").get(0).get("current").get("total").asLong()).isEqualTo(556_712);
        // The FINAL version 1 keeps its bill.
        assertThat(http.get("/api/v1/settlement/runs/" + run + "/supply-bills/f-school").json().get(0).get("total").asLong())
                .isEqualTo(537_982);
    }

    @Test
    @Order(6)
    void aBillingSystemPicksUpFinalisedSupplyBillsOnceAndACorrectedVersionAgain() {
        // Version 1 was finalised in test 3: both bills, in site order.
        JsonNode first = http.get("/api/v1/settlement/supply-bills/feed?limit=10").json();
        assertThat(first.get("items")).hasSize(2);
        assertThat(first.get("items").findValuesAsString("runId")).containsOnly(Long.toString(run));
        assertThat(first.get("items").get(0).get("supplyBill").get("siteId").asString()).isEqualTo("f-school");
        assertThat(first.get("items").get(0).get("supplyBill").get("total").asLong()).isEqualTo(537_982);
        assertThat(first.get("items").get(0).get("runVersion").asInt()).isEqualTo(1);
        assertThat(first.get("items").get(0).get("finalisedAt").asString()).isNotBlank();
        // Page by page: one item, then the next from its cursor.
        JsonNode one = http.get("/api/v1/settlement/supply-bills/feed?limit=1").json();
        assertThat(one.get("items").get(0).get("supplyBill").get("siteId").asString()).isEqualTo("f-school");
        JsonNode two = http.get("/api/v1/settlement/supply-bills/feed?limit=1&after=" + one.get("next").asString()).json();
        assertThat(two.get("items").get(0).get("supplyBill").get("siteId").asString()).isEqualTo("f-shelter");
        // Nothing new: no items, and the same cursor to ask with next time.
        String cursor = first.get("next").asString();
        JsonNode nothing = http.get("/api/v1/settlement/supply-bills/feed?after=" + cursor).json();
        assertThat(nothing.get("items")).isEmpty();
        assertThat(nothing.get("next").asString()).isEqualTo(cursor);
        // The purchase-statement feed is another one: these bills are not statements.
        assertThat(http.get("/api/v1/settlement/feed").json().get("items")).isEmpty();

        // Version 2 (the late peak of test 5) finalised: its bills come next, naming the version they replace.
        HttpJson.Response finalised = http.as("bob").postJson("/api/v1/settlement/runs/" + run2 + "/finalise", ACCEPT_BOTH);
        assertThat(finalised.status()).as(finalised.body()).isEqualTo(200);
        JsonNode corrected = http.get("/api/v1/settlement/supply-bills/feed?after=" + cursor).json();
        assertThat(corrected.get("items")).hasSize(2);
        assertThat(corrected.get("items").get(0).get("runId").asLong()).isEqualTo(run2);
        assertThat(corrected.get("items").get(0).get("previousRunId").asLong()).isEqualTo(run);
        assertThat(corrected.get("items").get(0).get("supplyBill").get("total").asLong()).isEqualTo(556_712);

        HttpJson.Response badCursor = http.get("/api/v1/settlement/supply-bills/feed?after=not-a-cursor");
        assertThat(badCursor.status()).isEqualTo(400);
        assertThat(badCursor.json().get("detail").asString()).contains("after");
    }

    @Test
    @Order(7)
    void theApiRefusesASupplyContractThatARunWouldRefuseAndKeepsEveryVersion() {
        String hall = "{\"siteId\":\"f-hall\",\"from\":\"%s\",%s\"voltage\":\"LOW_VOLTAGE\",\"contractedKw\":\"20\","
                + "\"basicCharge\":\"300\",\"energyTariff\":{\"kind\":\"FIXED\",\"price\":\"30\"},\"powerFactor\":85,"
                + "\"fuelCostSeries\":\"" + FUEL.value() + "\",\"taxTreatment\":\"TAX_EXCLUSIVE\"%s}";
        // f-hall already has sc-a [2026-06-01, 2026-08-01) and sc-b [2026-07-01, open), stored around the API by test 4.
        HttpJson.Response overlap = supplyContract("sc-c", hall.formatted("2026-07-01", "", ""));
        assertThat(overlap.status()).isEqualTo(409);
        assertThat(overlap.json().get("reason").asString()).isEqualTo("OVERLAPPING_CONTRACTS");
        assertThat(overlap.json().get("detail").asString()).startsWith("supply contract sc-c [2026-07-01, open) would overlap supply"
                + " contract sc-");
        assertThat(http.get("/api/v1/settlement/supply-contracts/sc-c").status()).as("nothing written").isEqualTo(404);

        HttpJson.Response midMonth = supplyContract("sc-d", hall.formatted("2027-01-15", "", ""));
        assertThat(midMonth.status()).isEqualTo(400);
        assertThat(midMonth.json().get("detail").asString()).contains("validity from must be the 1st of a month");
        HttpJson.Response highWithKw = supplyContract("sc-d", hall.formatted("2027-01-01", "", "").replace("LOW_VOLTAGE", "HIGH_VOLTAGE"));
        assertThat(highWithKw.status()).isEqualTo(400);
        assertThat(highWithKw.json().get("detail").asString()).contains("a high-voltage contract is billed on its measured demand");
        HttpJson.Response market = supplyContract("sc-d", hall.formatted("2027-01-01", "", "")
                .replace("{\"kind\":\"FIXED\",\"price\":\"30\"}", "{\"kind\":\"MARKET_LINKED\",\"series\":\"jepx\",\"factor\":\"1\",\"adder\":\"0\",\"floor\":\"5\"}"));
        assertThat(market.status()).isEqualTo(400);
        assertThat(market.json().get("detail").asString()).contains("market-linked supply prices are not supported");

        // The school's contract changes price from July: version 2, after refusing a lost update.
        tools.jackson.databind.node.ObjectNode school = (tools.jackson.databind.node.ObjectNode) http
                .get("/api/v1/settlement/supply-contracts/sc-school").json().get(0);
        school.remove(List.of("contractId", "version", "recordedAt", "recordedBy"));
        school.put("basicCharge", "1850");
        school.put("expectedVersion", 0);
        HttpJson.Response stale = supplyContract("sc-school", school.toString());
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("reason").asString()).isEqualTo("CONTRACT_VERSION_CONFLICT");
        assertThat(stale.json().get("detail").asString()).isEqualTo("supply contract sc-school is at version 1, not 0; read it"
                + " again and apply your change to version 1");
        school.put("expectedVersion", 1);
        HttpJson.Response next = supplyContract("sc-school", school.toString());
        assertThat(next.status()).as(next.body()).isEqualTo(200);
        assertThat(next.json().get("version").asInt()).isEqualTo(2);
        assertThat(next.json().get("recordedBy").asString()).isEqualTo("tester");
        JsonNode versions = http.get("/api/v1/settlement/supply-contracts/sc-school").json();
        assertThat(versions.findValuesAsString("basicCharge")).containsExactly("1800", "1850");
        assertThat(http.get("/api/v1/settlement/supply-contracts?siteId=f-school").json().get(0).get("version").asInt()).isEqualTo(2);
    }

    @Test
    @Order(8)
    void aMonthOfTheDemandHistoryWithoutValuesMakesTheBillIncompleteAndSaysWhich() throws Exception {
        // A meter outage found later: two slots of November 2025 lose their values. November's peak may have been
        // higher than August's 90 kW, so May's billing demand is no longer known to be right.
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("UPDATE site_interval SET"
                + " import_wh = NULL, export_wh = NULL, quality = 'MISSING', source = 'NONE', revision = revision + 1"
                + " WHERE site_id = 'f-school' AND slot_start = ANY (?)")) {
            ps.setArray(1, c.createArrayOf("timestamptz", new Object[] {Timestamp.from(Slot.of(LocalDate.of(2025, 11, 4), 20).start()),
                    Timestamp.from(Slot.of(LocalDate.of(2025, 11, 4), 21).start())}));
            assertThat(ps.executeUpdate()).isEqualTo(2);
        }
        HttpJson.Response again = http.as("alice").postJson("/api/v1/settlement/runs", "{\"month\":\"2026-05\"}");
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        long run3 = again.json().get("id").asLong();
        assertThat(again.json().get("incompleteSupplyBills").asInt()).as("the shelter's missing slots and the school's history")
                .isEqualTo(2);
        JsonNode school = http.get("/api/v1/settlement/runs/" + run3 + "/supply-bills/f-school").json().get(0);
        assertThat(school.get("complete").asBoolean()).isFalse();
        assertThat(school.get("missingSlots").asInt()).as("May itself is whole").isZero();
        assertThat(school.get("demandHistoryGaps")).hasSize(1);
        assertThat(school.get("demandHistoryGaps").get(0).get("month").asString()).isEqualTo("2025-11");
        assertThat(school.get("demandHistoryGaps").get(0).get("missingSlots").asInt()).isEqualTo(2);
        assertThat(school.get("demandKw").asString()).as("billed on what is known, the gap recorded").isEqualTo("100");
        // The bill explains itself line by line, gaps included, and the diff shows the change against version 2.
        assertThat(http.get("/api/v1/settlement/runs/" + run3 + "/supply-bills/f-school/lines").json().get(0).get("reproduced")
                .asBoolean()).isTrue();
        JsonNode diff = http.get("/api/v1/settlement/runs/" + run3 + "/supply-bills/diff").json();
        assertThat(diff.get("changes")).hasSize(1);
        assertThat(diff.get("changes").get(0).get("siteId").asString()).isEqualTo("f-school");
        // Finalising it is a recorded decision.
        HttpJson.Response refused = http.as("bob").postJson("/api/v1/settlement/runs/" + run3 + "/finalise", "{}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString()).contains("2 supply bill(s) with missing slots (a supply bill also when"
                + " its billing demand's 11 months of history lack some)");
        assertThat(http.as("bob").postJson("/api/v1/settlement/runs/" + run3 + "/finalise", ACCEPT_BOTH).status()).isEqualTo(200);
        HttpJson.Bytes csv = http.getBytes("/api/v1/settlement/runs/" + run3 + "/supply-bills/export");
        CSVRecord row = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(new String(csv.body(), StandardCharsets.UTF_8))).getRecords().get(0);
        assertThat(row.get("demand_history_gaps")).isEqualTo("2025-11=2");
        assertThat(row.get("complete")).isEqualTo("false");
        // Version 2 (FINAL) keeps its whole history: its lines read the intervals as it saw them.
        assertThat(http.get("/api/v1/settlement/runs/" + run2 + "/supply-bills/f-school/lines").json().get(0).get("bill")
                .get("demandHistoryGaps")).isEmpty();
    }

    @Test
    @Order(9)
    void certifiedValuesAreTheDataOfRecordForSupplyBillsAndTheirPeak() throws Exception {
        // June 2026: the school's gateway reads 10 kWh a slot, and 60 kWh (120 kW) in one slot, a spike of its own. The
        // transmission operator's certified values for 1–29 June say 10 kWh and 20 kWh (40 kW) in that slot; 30 June's
        // certified values have not come yet.
        YearMonth june = YearMonth.of(2026, 6);
        Slot spike = Slot.of(LocalDate.of(2026, 6, 10), 28); // a Wednesday, 13:30: day band (25 yen/kWh)
        List<Object[]> rows = new ArrayList<>();
        for (Slot slot : SettlementPeriod.calendarMonth(june).slots()) {
            rows.add(new Object[] {"f-school", slot, slot.equals(spike) ? 60_000L : 10_000L, "MEASURED"});
        }
        insertIntervals(rows);
        SeriesVersion fuel = new SeriesVersion(FUEL, 3, Instant.now().minusSeconds(60), "燃料費調整単価 June (test)");
        series.recordPrices(fuel, List.of(new SeriesValue<>(june.atDay(1).atStartOfDay(Jst.ZONE).toInstant(),
                june.plusMonths(1).atDay(1).atStartOfDay(Jst.ZONE).toInstant(), YenPerKwh.of("-1.37"), fuel)));
        assertThat(importCertified("tepco-2026-06-01..29.csv", june.atDay(1), june.atDay(30), spike).status()).isEqualTo(201);

        HttpJson.Response created = http.as("alice").postJson("/api/v1/settlement/runs", "{\"month\":\"2026-06\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long june1 = created.json().get("id").asLong();
        assertThat(created.json().get("provisionalSupplyBills").asInt()).as("30 June is still on gateway values").isEqualTo(1);
        JsonNode school = http.get("/api/v1/settlement/runs/" + june1 + "/supply-bills/f-school").json().get(0);
        // 1,391 × 10 kWh + 20 kWh certified + 48 × 10 kWh gateway = 14,410 kWh (the gateway's own sum: 14,450).
        assertThat(school.get("energyWh").asLong()).isEqualTo(14_410_000);
        assertThat(school.get("certifiedSlots").asInt()).isEqualTo(29 * 48);
        assertThat(school.get("gatewaySlots").asInt()).isEqualTo(48);
        assertThat(school.get("metrologyClass").asString()).isEqualTo("CERTIFIED");
        assertThat(school.get("provisional").asBoolean()).isTrue();
        // The month's peak is the certified 40 kW, not the gateway's 120 kW: the billing demand stays May's 100 kW.
        assertThat(school.get("monthPeakKw").asString()).isEqualTo("40");
        assertThat(school.get("demandKw").asString()).isEqualTo("100");
        assertThat(school.get("demandSetIn").asString()).isEqualTo("2026-05");
        JsonNode lines = http.get("/api/v1/settlement/runs/" + june1 + "/supply-bills/f-school/lines").json().get(0);
        assertThat(lines.get("reproduced").asBoolean()).isTrue();
        JsonNode spikeLine = lines.get("lines").get(9 * 48 + 27);
        assertThat(spikeLine.get("slot").asString()).isEqualTo("2026-06-10#28");
        assertThat(spikeLine.get("energyWh").asLong()).isEqualTo(20_000);
        assertThat(spikeLine.get("unitPrice").asString()).isEqualTo("25");
        assertThat(spikeLine.get("source").asString()).isEqualTo("CERTIFIED");
        assertThat(lines.get("lines").get(29 * 48).get("source").asString()).as("30 June #1").isEqualTo("GATEWAY");

        // 30 June's file comes: version 2 bills the whole month on the data of record and is no longer provisional.
        assertThat(importCertified("tepco-2026-06-30.csv", june.atDay(30), june.plusMonths(1).atDay(1), spike).status())
                .isEqualTo(201);
        HttpJson.Response again = http.as("alice").postJson("/api/v1/settlement/runs", "{\"month\":\"2026-06\"}");
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        long june2 = again.json().get("id").asLong();
        assertThat(again.json().get("provisionalSupplyBills").asInt()).isZero();
        JsonNode whole = http.get("/api/v1/settlement/runs/" + june2 + "/supply-bills/f-school").json().get(0);
        assertThat(whole.get("certifiedSlots").asInt()).isEqualTo(30 * 48);
        assertThat(whole.get("gatewaySlots").asInt()).isZero();
        assertThat(whole.get("provisional").asBoolean()).isFalse();
        // Version 1 still explains itself as billed: the certified values as its snapshot saw them.
        JsonNode v1 = http.get("/api/v1/settlement/runs/" + june1 + "/supply-bills/f-school/lines").json().get(0);
        assertThat(v1.get("reproduced").asBoolean()).isTrue();
        assertThat(v1.get("bill").get("gatewaySlots").asInt()).isEqualTo(48);
        // Nothing provisional is left (the shelter has no value in June at all): only the incomplete bills need a decision.
        HttpJson.Response done = http.as("bob").postJson("/api/v1/settlement/runs/" + june2 + "/finalise", "{\"acceptIncomplete\":true}");
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(done.json().get("provisionalAccepted").asBoolean()).isFalse();
        HttpJson.Bytes csv = http.getBytes("/api/v1/settlement/runs/" + june2 + "/supply-bills/export");
        CSVRecord row = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(new String(csv.body(), StandardCharsets.UTF_8))).getRecords().stream()
                .filter(r -> r.get("site_id").equals("f-school")).findFirst().orElseThrow();
        assertThat(row.get("certified_slots")).as(row.toString()).isEqualTo("1440");
        assertThat(row.get("metrology_class")).isEqualTo("CERTIFIED");
        assertThat(row.get("provisional")).isEqualTo("false");
    }

    /** The school's certified values for the JST days [from, until): 10 kWh a slot, 20 kWh in {@code peak}. */
    private HttpJson.Response importCertified(String fileName, LocalDate from, LocalDate until, Slot peak) {
        StringBuilder csv = new StringBuilder("supply_point_number,date,slot,import_kwh,export_kwh\n");
        for (LocalDate day = from; day.isBefore(until); day = day.plusDays(1)) {
            for (int i = 1; i <= Slot.SLOTS_PER_DAY; i++) {
                csv.append(SCHOOL_SUPPLY_POINT).append(',').append(day).append(',').append(i).append(',')
                        .append(Slot.of(day, i).equals(peak) ? "20" : "10").append(",0\n");
            }
        }
        return http.as("carol").post("/api/v1/settlement/certified-intervals?fileName=" + fileName, "text/csv", csv.toString());
    }

    private HttpJson.Response supplyContract(String id, String body) {
        return http.send("PUT", "/api/v1/settlement/supply-contracts/" + id, "application/json", body);
    }

    private static SupplyContract contract(String id, String site, String from, String until, SupplyVoltage voltage, String kw,
                                           String basic, BuybackTariff tariff, int powerFactor, TaxTreatment tax) {
        return new SupplyContract(ContractId.of(id), 1, SiteId.of(site),
                new Validity(LocalDate.parse(from), until == null ? null : LocalDate.parse(until)), voltage,
                kw == null ? null : new BigDecimal(kw), BasicChargeRate.of(basic), tariff, new PowerFactor(powerFactor), FUEL, tax);
    }

    private void insertIntervals(List<Object[]> rows) {
        SiteIntervals.insert(dataSource, rows.stream()
                .map(r -> SiteIntervals.Row.imported((String) r[0], (Slot) r[1], (Long) r[2], (String) r[3])).toList());
    }

    private static String region() {
        return """
                region: {id: su, name: 供給テスト地域}
                substations:
                  - id: su-ss
                    banks:
                      - id: su-b1
                        limits: [{from: 2024-04-01, reverseFlowLimitKw: 400, importLimitKw: 900}]
                        feeders:
                          - id: su-f1
                            from: 2024-04-01
                            limits: [{from: 2024-04-01, reverseFlowLimitKw: 150, importLimitKw: 400}]
                            sites:
                              - {id: f-school, name: 小田原市立 久野小学校, kind: SCHOOL, from: 2024-04-01, supplyPoint: "%s", assets: [{type: meter, id: meter-1, metrologyClass: CERTIFIED}]}
                """.formatted(SCHOOL_SUPPLY_POINT);
    }
}
