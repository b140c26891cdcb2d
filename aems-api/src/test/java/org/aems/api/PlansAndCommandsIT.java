package org.aems.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.aems.core.time.Slot;
import org.aems.testing.TestInfrastructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** Plans and commands through the API, with the optimizer role switched on against the real broker and database. #5 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMetrics
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlansAndCommandsIT {

    static final String PREFIX = "plan" + UUID.randomUUID().toString().substring(0, 6);
    static final Slot SLOT = Slot.parse("2026-05-12#25"); // 12:00-12:30 JST

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.context.ApplicationContext context;
    @Autowired
    DataSource dataSource;
    @Autowired
    org.aems.optimizer.plan.MarketPlanProposer proposer;
    HttpJson http;
    long planId;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestApp.onTestInfrastructure(registry, PREFIX);
        registry.add("aems.optimizer.enabled", () -> "true");
        // The fixtures' command is dated SLOT: a year on, the retention (real clock) would delete it mid-class.
        registry.add("aems.optimizer.plan-retention.enabled", () -> "false");
        registry.add("aems.optimizer.dispatch.client-id", () -> PREFIX + "-dispatch");
        registry.add("aems.optimizer.dispatch.shared-group", () -> TestInfrastructure.sharedGroup(PREFIX));
        registry.add("aems.optimizer.prices.purchase-series", () -> "it-jepx-tokyo");
        registry.add("aems.optimizer.prices.imbalance-series", () -> "it-imbalance");
    }

    @BeforeAll
    void seed() {
        http = HttpJson.signedIn(port, context);
        JdbcClient jdbc = JdbcClient.create(dataSource);
        Timestamp start = Timestamp.from(SLOT.start());
        planId = jdbc.sql("""
                        INSERT INTO plan_version (bank_id, first_slot, slot_count, source, objective_yen, solve_ms, breaches, limit_events,
                                                  created_at, created_by)
                        VALUES ('b1', ?, 1, 'OPTIMAL', 1234.5678, 42, 1, CAST(? AS jsonb), ?, 'it') RETURNING id""")
                .params(start, "[{\"where\":\"feeder f1\",\"kind\":\"REVERSE_FLOW\",\"outcome\":\"BREACHED\",\"excessWh\":1500}]",
                        Timestamp.from(Instant.now()))
                .query(Long.class).single();
        jdbc.sql("INSERT INTO plan_slot VALUES (?, 'f1', ?, -75000, 12500, 0, 1500), (?, '', ?, -75000, 12500, 0, 1500)")
                .params(planId, start, planId, start).update();
        jdbc.sql("""
                        INSERT INTO dispatch_command (command_id, site_id, device_id, action, setpoint_w, valid_from, valid_until, issued_at,
                                                      issued_by, bank_id, status, reason, sent_at, acked_at)
                        VALUES ('cmd-1', ?, 'bat-1', 'SET_POWER', 2500, ?, ?, ?, 'optimizer', 'b1', 'REJECTED',
                                'setpoint 2500 W above the battery''s 2000 W charge rating', ?, ?)""")
                .params(PREFIX + "-a", start, Timestamp.from(SLOT.end()), start, start, start).update();
    }

    @Test
    void aPlanVersionShowsItsSlotsInJstAndKwhAndWhyALimitWasBreached() {
        JsonNode plan = http.get("/api/v1/banks/b1/plans/latest").json();

        assertThat(plan.get("id").asLong()).isEqualTo(planId);
        assertThat(plan.get("firstSlot").asString()).isEqualTo("2026-05-12T12:00:00+09:00");
        assertThat(plan.get("objectiveYen").decimalValue()).isEqualByComparingTo("1234.5678");
        assertThat(plan.get("limitEvents").get(0).get("outcome").asString()).isEqualTo("BREACHED");
        JsonNode feeder = plan.get("slots").get(1);
        assertThat(feeder.get("feeder").asString()).isEqualTo("f1");
        assertThat(feeder.get("slot").asString()).isEqualTo("2026-05-12#25");
        assertThat(feeder.get("netKwh").decimalValue()).isEqualByComparingTo("-75");
        assertThat(feeder.get("storageKwh").decimalValue()).isEqualByComparingTo("12.5");
        assertThat(http.get("/api/v1/banks/b1/plans").json().get(0).get("slots")).isEmpty();
    }

    @Test
    void aPlanExportsAsCsvOneRowPerFeederAndSlot() {
        HttpJson.Response csv = http.get("/api/v1/plans/" + planId + "/csv");

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body().lines()).containsExactly(
                "bank,plan,feeder,date,slot,start_jst,net_kwh,storage_kwh,ev_kwh,curtailed_kwh",
                "b1," + planId + ",,2026-05-12,25,2026-05-12T12:00+09:00,-75.000,12.500,0.000,1.500",
                "b1," + planId + ",f1,2026-05-12,25,2026-05-12T12:00+09:00,-75.000,12.500,0.000,1.500");
    }

    @Test
    void aBankWithoutPlansAndAnUnknownCommandAreProblemsThatSaySo() {
        HttpJson.Response plan = http.get("/api/v1/banks/nowhere/plans/latest");
        assertThat(plan.status()).isEqualTo(404);
        assertThat(plan.json().get("reason").asString()).isEqualTo("PLAN_NOT_FOUND");
        assertThat(plan.json().get("detail").asString()).startsWith("bank 'nowhere' has no plan yet");

        HttpJson.Response command = http.get("/api/v1/commands/cmd-404");
        assertThat(command.status()).isEqualTo(404);
        assertThat(command.json().get("reason").asString()).isEqualTo("COMMAND_NOT_FOUND");
    }

    @Test
    void commandsAreListedPerSiteAndStatusWithTheGatewaysReason() {
        JsonNode page = http.get("/api/v1/commands?site=" + PREFIX + "-a&status=REJECTED").json();

        assertThat(page.get("total").asInt()).isEqualTo(1);
        JsonNode command = page.get("commands").get(0);
        assertThat(command.get("commandId").asString()).isEqualTo("cmd-1");
        assertThat(command.get("reason").asString()).isEqualTo("setpoint 2500 W above the battery's 2000 W charge rating");
        assertThat(command.get("validFrom").asString()).isEqualTo("2026-05-12T12:00:00+09:00");
        assertThat(http.get("/api/v1/commands?status=ACCEPTED").json().get("total").asInt()).isZero();

        HttpJson.Response bad = http.get("/api/v1/commands?status=LOST");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("reason").asString()).isEqualTo("INVALID_PARAMETER");
        assertThat(bad.json().get("detail").asString()).contains("'status'").contains("LOST");
    }

    @Test
    void theBalancingPlanShowsDayAheadInForceActualAndImbalancePerSlot() {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        Slot noon = Slot.parse("2026-05-13#25");
        // Day-ahead by 12:00 the day before (b1, b2); b1 revised intraday before the 11:00 gate closure.
        bankTotal(jdbc, "b1", "2026-05-12T11:00:00+09:00", noon, -50_000);
        bankTotal(jdbc, "b2", "2026-05-12T11:30:00+09:00", noon, 20_000);
        bankTotal(jdbc, "b1", "2026-05-13T10:30:00+09:00", noon, -60_000);
        bankTotal(jdbc, "b1", "2026-05-13T11:10:00+09:00", noon, -99_000); // after gate closure: not in force
        jdbc.sql("""
                        INSERT INTO feeder_interval (feeder_id, slot_start, slot_date, slot_index, net_import_wh, site_count, sites_reporting, computed_at)
                        VALUES ('f1', ?, ?, 25, -45000, 10, 10, now()), ('f2', ?, ?, 25, 15000, 5, 5, now())""")
                .params(Timestamp.from(noon.start()), java.sql.Date.valueOf(noon.date()), Timestamp.from(noon.start()),
                        java.sql.Date.valueOf(noon.date())).update();

        JsonNode row = http.get("/api/v1/balancing-plan?date=2026-05-13").json().get("slots").get(24);

        assertThat(row.get("slot").asString()).isEqualTo("2026-05-13#25");
        assertThat(row.get("dayAheadKwh").decimalValue()).isEqualByComparingTo("-30");
        assertThat(row.get("inForceKwh").decimalValue()).isEqualByComparingTo("-40");
        assertThat(row.get("actualKwh").decimalValue()).isEqualByComparingTo("-30");
        assertThat(row.get("actualSource").asString()).as("no certified values loaded: the meters'").isEqualTo("GATEWAY");
        assertThat(row.get("imbalanceKwh").decimalValue()).isEqualByComparingTo("10");
        // 10 kWh at the 12:00 imbalance price: 3 yen/kWh purchase x 1.5.
        assertThat(row.get("imbalanceYen").decimalValue()).isEqualByComparingTo("45.00");
        assertThat(row.get("banksPlanned").asInt()).isEqualTo(2);
        assertThat(row.get("imbalancePriceSource").asString()).startsWith("estimate: no imbalance price published");
        assertThat(http.get("/api/v1/balancing-plan/csv?date=2026-05-13").body().lines())
                .anyMatch(l -> l.startsWith("2026-05-13,25,2026-05-13T12:00+09:00,-30.000,-40.000,-30.000,10.000,45.00,2,15,0,4.5,estimate"));

        // The transmission operator publishes a preliminary imbalance price, then the final one: each a version.
        for (String[] v : new String[][] {{"preliminary 2026-05-14", "20"}, {"final 2026-06-15", "18"}}) {
            HttpJson.Response uploaded = http.as("occto-import").post("/api/v1/series/it-imbalance/versions?unit=yen%2FkWh&source=" + v[0].replace(" ", "%20"),
                    "text/csv", "date,slot,value\n2026-05-13,25," + v[1] + "\n");
            assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
            JsonNode priced = http.get("/api/v1/balancing-plan?date=2026-05-13").json().get("slots").get(24);
            assertThat(priced.get("imbalanceYen").decimalValue()).isEqualByComparingTo(new java.math.BigDecimal(v[1]).multiply(java.math.BigDecimal.TEN));
            assertThat(priced.get("imbalancePriceSource").asString()).isEqualTo("it-imbalance v" + (v[1].equals("20") ? 1 : 2) + " (" + v[0] + ")");
        }

        HttpJson.Response bad = http.get("/api/v1/balancing-plan?date=13-05-2026");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("reason").asString()).isEqualTo("INVALID_PARAMETER");
    }

    private static void bankTotal(JdbcClient jdbc, String bank, String createdAt, Slot slot, long netWh) {
        Timestamp created = Timestamp.from(java.time.OffsetDateTime.parse(createdAt).toInstant());
        long id = jdbc.sql("""
                        INSERT INTO plan_version (bank_id, first_slot, slot_count, source, objective_yen, solve_ms, breaches, limit_events,
                                                  created_at, created_by)
                        VALUES (?, ?, 1, 'OPTIMAL', 0, 1, 0, '[]', ?, 'it') RETURNING id""")
                .params(bank, Timestamp.from(slot.start()), created).query(Long.class).single();
        jdbc.sql("INSERT INTO plan_slot VALUES (?, '', ?, ?, 0, 0, 0)").params(id, Timestamp.from(slot.start()), netWh).update();
    }

    @Test
    void anOperatorIslandsAFeederOnceAndEndsIt() {
        HttpJson.Response imported = http.post("/api/v1/registry/import", "application/yaml", org.aems.testing.TestRegions.twoSites(PREFIX));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        String feeder = "/api/v1/feeders/" + PREFIX + "-f1/island";

        HttpJson.Response declared = http.post(feeder, "application/json", "{\"declaredBy\":\"operator-a\",\"reason\":\"typhoon\"}");
        assertThat(declared.status()).as(declared.body()).isEqualTo(201);
        assertThat(declared.json().get("declaredBy").asString()).isEqualTo("operator-a");
        assertThat(declared.json().get("declaredAt").asString()).endsWith("+09:00");

        HttpJson.Response twice = http.post(feeder, "application/json", "{\"declaredBy\":\"operator-b\",\"reason\":\"again\"}");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().get("reason").asString()).isEqualTo("ALREADY_ISLANDED");
        assertThat(twice.json().get("detail").asString()).contains("already islanded").contains("operator-a");
        assertThat(http.get("/api/v1/islands").json()).hasSize(1);

        HttpJson.Response unknown = http.post("/api/v1/feeders/nowhere/island", "application/json", "{\"declaredBy\":\"a\",\"reason\":\"b\"}");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("reason").asString()).isEqualTo("FEEDER_NOT_FOUND");
        HttpJson.Response noReason = http.post(feeder, "application/json", "{\"declaredBy\":\"operator-a\"}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("detail").asString()).startsWith("body must give 'declaredBy' (who) and 'reason' (why)");

        HttpJson.Response ended = http.delete(feeder, "application/json", "{\"endedBy\":\"operator-b\"}");
        assertThat(ended.status()).isEqualTo(200);
        assertThat(ended.json().get("endedBy").asString()).isEqualTo("operator-b");
        assertThat(http.get("/api/v1/islands").json()).isEmpty();
        assertThat(http.delete(feeder, "application/json", "{\"endedBy\":\"operator-b\"}").json().get("reason").asString())
                .isEqualTo("ISLAND_NOT_FOUND");
    }

    @Test
    void theCarSharingSystemPutsABookingIdempotentlyAndBadOnesAreRefusedWithTheReason() {
        String ev = PREFIX + "ev";
        HttpJson.Response imported = http.post("/api/v1/registry/import", "application/yaml", org.aems.testing.TestRegions.carSharing(ev));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        String booking = """
                {"siteId":"%s-cs","charger":"ev-1","pluggedFrom":"2026-05-12T18:00:00+09:00","departure":"2026-05-13T07:30:00+09:00",
                 "requiredKwh":32.5,"capacityKwh":40}""".formatted(ev);

        HttpJson.Response created = http.put("/api/v1/ev-bookings/bk-" + ev, "application/json", booking);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(http.put("/api/v1/ev-bookings/bk-" + ev, "application/json", booking).status()).isEqualTo(200);
        JsonNode back = http.get("/api/v1/ev-bookings?site=" + ev + "-cs").json();
        assertThat(back).hasSize(1);
        assertThat(back.get(0).get("requiredKwh").decimalValue()).isEqualByComparingTo("32.5");
        assertThat(back.get(0).get("departure").asString()).isEqualTo("2026-05-13T07:30:00+09:00");

        HttpJson.Response tooMuch = http.put("/api/v1/ev-bookings/bk2-" + ev, "application/json", booking.replace("32.5", "45"));
        assertThat(tooMuch.status()).isEqualTo(400);
        assertThat(tooMuch.json().get("detail").asString()).isEqualTo("booking bk2-" + ev + ": required energy 45 kWh must lie within 0..40 kWh (the vehicle's capacity)");
        HttpJson.Response noCharger = http.put("/api/v1/ev-bookings/bk3-" + ev, "application/json", booking.replace("ev-1", "ev-9"));
        assertThat(noCharger.status()).isEqualTo(400);
        assertThat(noCharger.json().get("detail").asString()).isEqualTo("site " + ev + "-cs has no EV charger 'ev-9'");
        assertThat(http.get("/api/v1/ev-bookings/bk2-" + ev).status()).isEqualTo(404);
        HttpJson.Response notADate = http.put("/api/v1/ev-bookings/bk4-" + ev, "application/json", booking.replace("2026-05-13T07:30:00+09:00", "tomorrow"));
        assertThat(notADate.status()).isEqualTo(400);
        assertThat(notADate.json().get("reason").asString()).isEqualTo("INVALID_BODY");
        assertThat(notADate.json().get("detail").asString()).isEqualTo("the request body is not valid JSON for this endpoint at field 'departure'; "
                + "see the schema in /v3/api-docs");
    }

    @Test
    void theMarketPlanSplitsDemandFromTheBoughtSurplusAndProposesWhatToBuy() {
        String mk = PREFIX + "mk";
        assertThat(http.post("/api/v1/registry/import", "application/yaml", org.aems.testing.TestRegions.twoSites(mk)).status()).isEqualTo(200);
        HttpJson.Response early = http.get("/api/v1/market-plan?date=2026-06-08");
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().get("reason").asString()).isEqualTo("NOT_ENOUGH_HISTORY");
        // A week before 2026-06-07 09:30: site -a (卒FIT, ours) imports 100 Wh a slot and exports 500 Wh from 10:00 to 16:00;
        // site -b imports 300 Wh a slot.
        // The feeder's rollup: import 400 Wh, of the export only site -a's is bought surplus.
        List<Object[]> rows = new java.util.ArrayList<>();
        for (Slot s = Slot.of(java.time.LocalDate.of(2026, 5, 31), 1); s.compareTo(Slot.parse("2026-06-07#19")) < 0; s = s.next()) {
            long export = s.index() >= 21 && s.index() <= 32 ? 500 : 0;
            rows.add(new Object[] {mk + "-f1", Timestamp.from(s.start()), java.sql.Date.valueOf(s.date()), s.index(), 400L, export, export});
        }
        new org.springframework.jdbc.core.JdbcTemplate(dataSource).batchUpdate("""
                INSERT INTO feeder_interval (feeder_id, slot_start, slot_date, slot_index, import_wh, export_wh, buyback_export_wh,
                    site_count, sites_reporting, computed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, 2, 2, now())""", rows);

        JsonNode plan = http.get("/api/v1/market-plan?date=2026-06-08").json();

        assertThat(plan.get("issuedAt").asString()).isEqualTo("2026-06-07T09:30:00+09:00");
        assertThat(plan.get("scope").asString()).contains("other members").contains("not included");
        JsonNode night = plan.get("slots").get(3);
        assertThat(night.get("demandKwh").decimalValue()).isEqualByComparingTo("0.4");
        assertThat(night.get("generationKwh").decimalValue()).isEqualByComparingTo("0");
        assertThat(night.get("procurementKwh").decimalValue()).isEqualByComparingTo("0.4");
        JsonNode noon = plan.get("slots").get(24);
        assertThat(noon.get("generationKwh").decimalValue()).isPositive();
        assertThat(noon.get("procurementKwh").decimalValue())
                .isEqualByComparingTo(noon.get("demandKwh").decimalValue().subtract(noon.get("generationKwh").decimalValue()).max(java.math.BigDecimal.ZERO));
        assertThat(noon.get("expectedCostYen").decimalValue()).isEqualByComparingTo(
                noon.get("procurementKwh").decimalValue().multiply(noon.get("expectedPriceYenPerKwh").decimalValue()).setScale(2, java.math.RoundingMode.HALF_EVEN));
        assertThat(plan.has("version")).as("computed on request, not stored").isFalse();

        // Stored as proposed: a re-proposal is version 1 here, and the day's answer is that version from now on.
        HttpJson.Response proposed = http.as("trader").post("/api/v1/market-plan?date=2026-06-08", "application/json", "");
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
        assertThat(proposed.json().get("version").asInt()).isEqualTo(1);
        JsonNode stored = http.get("/api/v1/market-plan?date=2026-06-08").json();
        assertThat(stored.get("version").asInt()).isEqualTo(1);
        assertThat(stored.get("storedBy").asString()).isEqualTo("trader");
        assertThat(stored.get("slots").get(24).get("procurementKwh").decimalValue()).isEqualByComparingTo(noon.get("procurementKwh").decimalValue());

        // The optimizer's proposer stores tomorrow's plan once 09:30 JST has passed, once.
        java.time.Instant beforeDue = java.time.OffsetDateTime.parse("2026-06-08T09:29:00+09:00").toInstant();
        java.time.Instant afterDue = java.time.OffsetDateTime.parse("2026-06-08T09:31:00+09:00").toInstant();
        assertThat(proposer.proposeIfDue(beforeDue)).isEmpty();
        assertThat(proposer.proposeIfDue(afterDue)).hasValueSatisfying(p -> {
            assertThat(p.plan().day()).isEqualTo(java.time.LocalDate.of(2026, 6, 9));
            assertThat(p.plan().issuedAt()).isEqualTo(java.time.OffsetDateTime.parse("2026-06-08T09:30:00+09:00").toInstant());
        });
        assertThat(proposer.proposeIfDue(afterDue.plusSeconds(60))).isEmpty();
        JsonNode versions = http.get("/api/v1/market-plan/versions?date=2026-06-09").json();
        assertThat(versions).hasSize(1);
        assertThat(versions.get(0).get("storedBy").asString()).isEqualTo("scheduler");
        assertThat(versions.get(0).get("issuedAt").asString()).isEqualTo("2026-06-08T09:30+09:00");
    }

    @Test
    void theTransmissionOperatorsCurtailmentOrderIsStoredOnceAndBadOnesAreRefused() {
        java.time.OffsetDateTime from = java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(9)).withNano(0);
        String order = """
                {"issuedBy":"TEPCO PG","validFrom":"%s","validUntil":"%s","maxShare":0.5}""".formatted(from, from.plusHours(3));

        assertThat(http.put("/api/v1/curtailment-orders/o-" + PREFIX, "application/json", order).status()).isEqualTo(201);
        assertThat(http.put("/api/v1/curtailment-orders/o-" + PREFIX, "application/json", order).status()).isEqualTo(200);
        JsonNode current = http.get("/api/v1/curtailment-orders").json();
        assertThat(current).anySatisfy(o -> {
            assertThat(o.get("id").asString()).isEqualTo("o-" + PREFIX);
            assertThat(o.get("maxShare").decimalValue()).isEqualByComparingTo("0.5");
            assertThat(o.has("feederId")).isFalse(); // every feeder
        });

        HttpJson.Response full = http.put("/api/v1/curtailment-orders/o2-" + PREFIX, "application/json", order.replace("0.5", "1.0"));
        assertThat(full.status()).isEqualTo(400);
        assertThat(full.json().get("detail").asString()).isEqualTo("order o2-" + PREFIX + ": maxShare must be within 0 (stop) .. below 1, was 1.0");
        HttpJson.Response nowhere = http.put("/api/v1/curtailment-orders/o3-" + PREFIX, "application/json",
                order.replace("{", "{\"feederId\":\"nowhere\","));
        assertThat(nowhere.status()).isEqualTo(404);
        assertThat(nowhere.json().get("reason").asString()).isEqualTo("FEEDER_NOT_FOUND");
    }

    @Test
    void plansArePricedFromTheVersionedSeriesAndFromTheHourlyCurveWhereItHasNoValue() {
        Slot noon = Slot.parse("2026-05-20#25");
        org.aems.core.series.SeriesId jepx = new org.aems.core.series.SeriesId("it-jepx-tokyo");
        org.aems.core.series.SeriesVersion v1 = new org.aems.core.series.SeriesVersion(jepx, 1, Instant.parse("2026-05-19T01:10:00Z"), "it");
        series.recordPrices(v1, List.of(new org.aems.core.series.SeriesValue<>(noon.start(), noon.end(),
                org.aems.core.unit.YenPerKwh.of("42"), v1)));

        assertThat(prices.purchase(noon).value()).isEqualByComparingTo("42");
        assertThat(prices.imbalance(noon).value()).isEqualByComparingTo("63"); // 42 x the 1.5 imbalance factor
        // 12:30 has no series value: the configured hourly curve (3 yen/kWh at noon), never zero.
        assertThat(prices.purchase(noon.next()).value()).isEqualByComparingTo("3");
    }

    @Autowired
    org.aems.api.settlement.SeriesStore series;
    @Autowired
    org.aems.optimizer.runtime.SlotPrices prices;

    @Test
    void healthShowsTheOptimizerAndItsDispatchLink() {
        JsonNode optimizer = http.get("/actuator/health").json().path("components").path("optimizer");

        assertThat(optimizer.path("details").path("dispatch").asString()).isIn("connected", "broker unreachable");
        assertThat(optimizer.path("details").path("lastRound").asString()).isNotEmpty();
    }
}
