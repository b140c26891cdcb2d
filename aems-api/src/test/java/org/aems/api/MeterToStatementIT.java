package org.aems.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.aems.api.settlement.ContractStore;
import org.aems.core.grid.SiteId;
import org.aems.core.grid.Validity;
import org.aems.core.settlement.BuybackContract;
import org.aems.core.settlement.ContractId;
import org.aems.core.settlement.FixedPrice;
import org.aems.core.settlement.TaxTreatment;
import org.aems.core.time.Jst;
import org.aems.core.unit.YenPerKwh;
import org.aems.ingest.rollup.IntervalRollup;
import org.aems.ingest.rollup.RollupMetrics;
import org.aems.ingest.rollup.RollupSettings;
import org.aems.testing.MutableClock;
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
 * Issue #6 from the meter to the statement: raw cumulative registers of three households for May 2026 go
 * through the real rollup into {@code site_interval} and then into a settlement run, and the statements are
 * checked against hand-computed figures. Each household exports 1.2 kW from 09:00 to 15:00 JST every day
 * (7.2 kWh a day, 223.2 kWh in May) and is read every 10 minutes at :05, :15, … — never on a boundary.
 * <ul>
 *   <li>m-roll: the export register starts 10 kWh below its 100,000 kWh wrap and rolls over on 2 May;
 *   <li>m-swap: the meter is replaced at 12:10 on 15 May (old register 5,000 kWh, new one from 0);
 *   <li>m-gap: on 10 May the registers are silent 10:55–14:05 (longer than the 2 h the rollup interpolates
 *       across) while meter power still reports, and on 20 May the gateway is offline 10:00–15:00.
 * </ul>
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MeterToStatementIT {

    private static final long WRAP_WH = 100_000_000;
    private static final double EXPORT_W = 1200;
    private static final LocalDateTime FIRST_READING = LocalDateTime.of(2026, 4, 30, 23, 55);
    private static final LocalDateTime LAST_READING = LocalDateTime.of(2026, 6, 1, 0, 5);
    private static final LocalDateTime SWAP = LocalDateTime.of(2026, 5, 15, 12, 10);

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.context.ApplicationContext context;
    @Autowired
    ContractStore contracts;
    @Autowired
    DataSource dataSource;
    HttpJson http;
    final Map<String, JsonNode> statements = new HashMap<>();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        // The test runs the rollup itself, on a clock it sets.
        TestApp.onDatabaseOnly(registry);
    }

    @BeforeAll
    void meterReadingsRolledUpAndSettled() throws SQLException {
        http = HttpJson.signedIn(port, context);
        HttpJson.Response imported = http.post("/api/v1/registry/import", "application/yaml", region());
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        for (String site : new String[] {"m-roll", "m-swap", "m-gap"}) {
            contracts.record(new BuybackContract(ContractId.of("c-" + site), 1, SiteId.of(site),
                    Validity.from(LocalDate.of(2026, 4, 1)), new FixedPrice(YenPerKwh.of("8.5")), TaxTreatment.TAX_INCLUSIVE),
                    Optional.empty(), Instant.now().minusSeconds(60), "test");
        }
        insertReadings();

        MutableClock clock = new MutableClock(jst(LocalDateTime.of(2026, 6, 1, 1, 0)));
        new IntervalRollup(dataSource, clock, RollupSettings.defaults(), new RollupMetrics(new SimpleMeterRegistry())).run();

        HttpJson.Response run = http.as("alice").postJson("/api/v1/settlement/runs", "{\"month\":\"2026-05\"}");
        assertThat(run.status()).as(run.body()).isEqualTo(201);
        http.get("/api/v1/settlement/runs/" + run.json().get("id").asLong() + "/statements").json().get("statements")
                .forEach(s -> statements.put(s.get("siteId").asString(), s));
    }

    @Test
    void aRolledOverRegisterIsSettledOnItsWholeDelta() {
        // 223.2 kWh × 8.5 yen = 1,897.2 → 1,897 yen, of which ⌊1,897 × 10/110⌋ = 172 tax.
        assertStatement("m-roll", 223_200, "1897.2000", 1897, 172, 1488, 0, 0);
    }

    @Test
    void aReplacedMeterIsSettledOnBothMetersWithItsSwapSlotEstimated() {
        // The swap slot (12:00–12:30) has 20 minutes measured (400 Wh) and is pro-rated to 600 Wh.
        assertStatement("m-swap", 223_200, "1897.2000", 1897, 172, 1487, 1, 0);
        JsonNode lines = http.get("/api/v1/settlement/runs/" + runOf("m-swap") + "/statements/m-swap/lines").json()
                .get("statements").get(0);
        assertThat(lines.get("reproduced").asBoolean()).isTrue();
        JsonNode swap = lines.get("lines").get(14 * 48 + 24);
        assertThat(swap.get("slot").asString()).isEqualTo("2026-05-15#25");
        assertThat(swap.get("quality").asString()).isEqualTo("ESTIMATED");
        assertThat(swap.get("energyWh").asLong()).isEqualTo(600);
    }

    @Test
    void aGapBridgedByMeterPowerIsEstimatedAndAnOfflineGapIsMissingNeverInvented() {
        // 10 May: slots 22–29 estimated (two pro-rated from a partial register, six from meter power) and
        // worth their true 600 Wh each. 20 May: slots 21–30 missing; their 6.0 kWh is not billed.
        // 217.2 kWh × 8.5 = 1,846.2 → 1,846 yen, ⌊1,846 × 10/110⌋ = 167 tax.
        assertStatement("m-gap", 217_200, "1846.2000", 1846, 167, 1470, 8, 10);
        assertThat(statements.get("m-gap").get("complete").asBoolean()).isFalse();
    }

    @Test
    void aRetriedRunRequestWithTheSameIdempotencyKeyMakesOneRun() {
        String url = "/api/v1/settlement/runs";
        String may = "{\"month\":\"2026-05\"}";
        HttpJson.Response first = http.as("billing").postJson(url, may, "Idempotency-Key", "b1f3c2e0-0001");
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        int runsAfterFirst = http.get(url).json().get("runs").size();

        HttpJson.Response retried = http.as("billing").postJson(url, may, "Idempotency-Key", "b1f3c2e0-0001");
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.header("Idempotency-Replayed")).isEqualTo("true");
        assertThat(retried.header("Location")).isEqualTo("/api/v1/settlement/runs/" + first.json().get("id").asLong());
        assertThat(retried.json().get("id").asLong()).isEqualTo(first.json().get("id").asLong());
        assertThat(retried.json().get("version").asInt()).isEqualTo(first.json().get("version").asInt());
        assertThat(http.get(url).json().get("runs").size()).isEqualTo(runsAfterFirst);

        HttpJson.Response otherPeriod = http.as("billing").postJson(url, "{\"month\":\"2026-06\"}",
                "Idempotency-Key", "b1f3c2e0-0001");
        assertThat(otherPeriod.status()).isEqualTo(422);
        assertThat(otherPeriod.json().get("reason").asString()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(otherPeriod.json().get("detail").asString()).isEqualTo("Idempotency-Key 'b1f3c2e0-0001' was used for"
                + " CALENDAR_MONTH 2026-05-01..2026-05-31 (run " + first.json().get("id").asLong() + "), not CALENDAR_MONTH"
                + " 2026-06-01..2026-06-30; use a new key for a new request");
        HttpJson.Response tooLong = http.as("billing").postJson(url, may, "Idempotency-Key", "k".repeat(201));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().get("detail").asString())
                .isEqualTo("header 'Idempotency-Key' must be 1 to 200 characters (a UUID is typical), was 201");
        assertThat(http.get(url).json().get("runs").size()).isEqualTo(runsAfterFirst);

        // Keys belong to whoever sent them: the same key from someone else is a new request.
        HttpJson.Response someoneElse = http.as("carol").postJson(url, may, "Idempotency-Key", "b1f3c2e0-0001");
        assertThat(someoneElse.status()).isEqualTo(201);
        assertThat(someoneElse.json().get("version").asInt()).isEqualTo(first.json().get("version").asInt() + 1);
    }

    @Test
    void theMonthsKpisNameTheSurplusBoughtAndWhatItsNewestRunPays() {
        JsonNode may = http.get("/api/v1/kpis/region?from=2026-05-01&until=2026-06-01&granularity=month").json().get("rows").get(0);
        assertThat(may.get("slots").asInt()).isEqualTo(1488);
        // The rollup's surplus is what the meters measured: 223.2 + 223.2 + 217.2 kWh (m-gap's offline 6 kWh is missing).
        assertThat(may.get("surplusBoughtKwh").asString()).isEqualTo("663.600");
        JsonNode settlement = may.get("settlement");
        assertThat(settlement.get("energyWh").asLong()).isEqualTo(663_600);
        assertThat(settlement.get("paymentYen").asLong()).isEqualTo(1897 + 1897 + 1846);
        assertThat(settlement.get("status").asString()).isEqualTo("DRAFT");
    }

    private long runOf(String site) {
        return statements.get(site).get("runId").asLong();
    }

    private void assertStatement(String site, long wh, String amount, long payment, long tax, int measured, int estimated,
                                 int missing) {
        JsonNode s = statements.get(site);
        assertThat(s).as(site).isNotNull();
        assertThat(s.get("energyWh").asLong()).as("energy of " + site).isEqualTo(wh);
        assertThat(s.get("amount").asString()).isEqualTo(amount);
        assertThat(s.get("payment").asLong()).isEqualTo(payment);
        assertThat(s.get("tax").asLong()).isEqualTo(tax);
        assertThat(s.get("measuredSlots").asInt()).as("measured slots of " + site).isEqualTo(measured);
        assertThat(s.get("estimatedSlots").asInt()).as("estimated slots of " + site).isEqualTo(estimated);
        assertThat(s.get("missingSlots").asInt()).as("missing slots of " + site).isEqualTo(missing);
    }

    /** Registers every 10 minutes at :05, :15, … as each site's gateway would have reported them. */
    private void insertReadings() throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement("""
                INSERT INTO telemetry_reading (site_id, device_id, quantity, ts, value, message_id, received_at)
                VALUES (?, 'meter-1', ?, ?, ?, 'it', ?)""")) {
            Timestamp received = Timestamp.from(jst(LocalDateTime.of(2026, 6, 1, 0, 30)));
            Inserter add = (site, quantity, at, value) -> {
                insert.setString(1, site);
                insert.setString(2, quantity);
                insert.setTimestamp(3, Timestamp.from(jst(at)));
                insert.setDouble(4, value);
                insert.setTimestamp(5, received);
                insert.addBatch();
            };
            for (LocalDateTime t = FIRST_READING; !t.isAfter(LAST_READING); t = t.plusMinutes(10)) {
                add.reading("m-roll", "meter.export.energy", t, (99_990_000 + exported(t)) % WRAP_WH);
                add.reading("m-roll", "meter.import.energy", t, 1_000_000);
                if (t.isBefore(SWAP)) {
                    add.reading("m-swap", "meter.export.energy", t, 5_000_000 + exported(t));
                    add.reading("m-swap", "meter.import.energy", t, 1_000_000);
                } else {
                    add.reading("m-swap", "meter.export.energy", t, exported(t) - exported(SWAP));
                    add.reading("m-swap", "meter.import.energy", t, 0);
                }
                if (!silent(t)) {
                    add.reading("m-gap", "meter.export.energy", t, 3_000_000 + exported(t));
                    add.reading("m-gap", "meter.import.energy", t, 1_000_000);
                }
            }
            // The gateway's last reading before going offline on 20 May and its first after, on the hour.
            for (LocalDateTime t : new LocalDateTime[] {LocalDateTime.of(2026, 5, 20, 10, 0), LocalDateTime.of(2026, 5, 20, 15, 0)}) {
                add.reading("m-gap", "meter.export.energy", t, 3_000_000 + exported(t));
                add.reading("m-gap", "meter.import.energy", t, 1_000_000);
            }
            // Meter power keeps reporting while the registers are silent on 10 May (export is negative).
            for (LocalDateTime t = LocalDateTime.of(2026, 5, 10, 11, 0); t.isBefore(LocalDateTime.of(2026, 5, 10, 14, 0));
                 t = t.plusMinutes(1)) {
                add.reading("m-gap", "meter.power", t, -EXPORT_W);
            }
            insert.executeBatch();
        }
    }

    private static boolean silent(LocalDateTime t) {
        boolean registersSilent = t.isAfter(LocalDateTime.of(2026, 5, 10, 10, 55)) && t.isBefore(LocalDateTime.of(2026, 5, 10, 14, 5));
        boolean offline = t.isAfter(LocalDateTime.of(2026, 5, 20, 9, 55)) && t.isBefore(LocalDateTime.of(2026, 5, 20, 15, 5));
        return registersSilent || offline;
    }

    /** Wh exported since the first reading: 1.2 kW between 09:00 and 15:00 JST, nothing otherwise. */
    private static double exported(LocalDateTime t) {
        double wh = 0;
        for (LocalDate day = FIRST_READING.toLocalDate(); !day.isAfter(t.toLocalDate()); day = day.plusDays(1)) {
            LocalDateTime sunFrom = day.atTime(LocalTime.of(9, 0));
            LocalDateTime sunUntil = day.atTime(LocalTime.of(15, 0));
            LocalDateTime until = t.isBefore(sunUntil) ? t : sunUntil;
            if (until.isAfter(sunFrom)) {
                wh += EXPORT_W * Duration.between(sunFrom, until).toSeconds() / 3600.0;
            }
        }
        return wh;
    }

    private static Instant jst(LocalDateTime t) {
        return t.atZone(Jst.ZONE).toInstant();
    }

    @FunctionalInterface
    private interface Inserter {
        void reading(String site, String quantity, LocalDateTime at, double value) throws SQLException;
    }

    private static String region() {
        return """
                region: {id: mt, name: 計量テスト地域}
                substations:
                  - id: mt-ss
                    banks:
                      - id: mt-b1
                        limits: [{from: 2024-04-01, reverseFlowLimitKw: 400, importLimitKw: 900}]
                        feeders:
                          - id: mt-f1
                            from: 2024-04-01
                            limits: [{from: 2024-04-01, reverseFlowLimitKw: 150, importLimitKw: 400}]
                            sites:
                              - {id: m-roll, kind: HOUSEHOLD, from: 2024-04-01, supplyPoint: "0300000000000000000031", buyback: [{from: 2024-04-01, status: SOTSU_FIT_OURS}], assets: [{type: meter, id: meter-1, metrologyClass: CERTIFIED}]}
                              - {id: m-swap, kind: HOUSEHOLD, from: 2024-04-01, supplyPoint: "0300000000000000000032", buyback: [{from: 2024-04-01, status: SOTSU_FIT_OURS}], assets: [{type: meter, id: meter-1, metrologyClass: CERTIFIED}]}
                              - {id: m-gap, kind: HOUSEHOLD, from: 2024-04-01, supplyPoint: "0300000000000000000033", buyback: [{from: 2024-04-01, status: SOTSU_FIT_OURS}], assets: [{type: meter, id: meter-1, metrologyClass: CERTIFIED}]}
                """;
    }
}
