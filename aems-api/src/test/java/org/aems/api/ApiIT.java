package org.aems.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.aems.core.telemetry.TelemetryCodec;
import org.aems.testing.TestInfrastructure;
import org.aems.testing.TestRegions;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The vertical slice against a real broker and a real PostgreSQL: a region imported through the API,
 * a reading published by a gateway over MQTT, and the same reading back through the REST API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMetrics
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiIT {

    static final String PREFIX = "api" + UUID.randomUUID().toString().substring(0, 6);
    static final String SITE = PREFIX + "-a";

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.context.ApplicationContext context;
    HttpJson http;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestApp.onTestInfrastructure(registry, PREFIX);
    }

    @BeforeAll
    void importRegion() {
        http = HttpJson.signedIn(port, context);
        HttpJson.Response response = http.post("/api/v1/registry/import", "application/yaml", region(PREFIX));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("sites").asInt()).isEqualTo(2);
        await().atMost(Duration.ofSeconds(15))
                .until(() -> http.get("/actuator/health").json().path("components").path("mqttBroker").path("status").asString("").equals("UP"));
    }

    static String region(String prefix) {
        return TestRegions.twoSites(prefix);
    }

    @Test
    void aReadingPublishedOverMqttComesBackThroughTheApiUnchanged() throws Exception {
        Instant ts = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(120);
        String payload = """
                {"schema":"aems.telemetry.v1","messageId":"api-1","siteId":"%s","sentAt":"%s","readings":[
                 {"device":"meter-1","quantity":"meter.power","value":-1520,"unit":"W","ts":"%s"},
                 {"device":"meter-1","quantity":"meter.export.energy","value":12345.6,"unit":"kWh","ts":"%s"},
                 {"device":"bat-1","quantity":"battery.soc","value":56.5,"unit":"%%","ts":"%s"}]}
                """.formatted(SITE, ts, ts.atOffset(java.time.ZoneOffset.UTC), ts, ts);
        publish(SITE, payload);

        String url = "/api/v1/sites/" + SITE + "/readings?from=" + encode(ts.minusSeconds(1)) + "&to=" + encode(ts.plusSeconds(1));
        await().atMost(Duration.ofSeconds(15)).until(() -> http.get(url).json().get("readings").size() == 3);
        JsonNode readings = http.get(url).json().get("readings");
        assertThat(readings.get(0).get("device").asString()).isEqualTo("bat-1");
        assertThat(readings.get(0).get("value").decimalValue()).isEqualByComparingTo("56.5");
        assertThat(readings.get(0).get("unit").asString()).isEqualTo("%");
        assertThat(readings.get(1).get("quantity").asString()).isEqualTo("meter.export.energy");
        assertThat(readings.get(1).get("value").decimalValue()).isEqualByComparingTo("12345600");
        assertThat(readings.get(1).get("unit").asString()).isEqualTo("Wh");
        assertThat(readings.get(2).get("value").asLong()).isEqualTo(-1520);
        assertThat(readings.get(2).get("unit").asString()).isEqualTo("W");
        String shown = readings.get(2).get("ts").asString();
        assertThat(shown).endsWith("+09:00");
        assertThat(OffsetDateTime.parse(shown).toInstant()).isEqualTo(ts);
    }

    @Test
    void pagesThroughReadingsWithTheNextLinkWithoutGapsOrRepeats() throws Exception {
        Instant base = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofHours(5));
        List<String> readings = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            readings.add("{\"device\":\"meter-1\",\"quantity\":\"meter.power\",\"value\":" + (100 + i) + ",\"unit\":\"W\",\"ts\":\""
                    + TelemetryCodec.format(base.plusSeconds(30L * i)) + "\"}");
        }
        publish(PREFIX + "-b", "{\"schema\":\"aems.telemetry.v1\",\"messageId\":\"page-1\",\"siteId\":\"" + PREFIX
                + "-b\",\"sentAt\":\"" + TelemetryCodec.format(base) + "\",\"readings\":[" + String.join(",", readings) + "]}");
        String first = "/api/v1/sites/" + PREFIX + "-b/readings?from=" + encode(base) + "&to=" + encode(base.plusSeconds(600)) + "&limit=2";
        await().atMost(Duration.ofSeconds(15)).until(() -> http.get(first).json().has("next"));

        List<Long> values = new ArrayList<>();
        String next = first;
        while (next != null) {
            JsonNode page = http.get(next).json();
            page.get("readings").forEach(r -> values.add(r.get("value").asLong()));
            next = page.has("next") ? page.get("next").asString() : null;
        }
        assertThat(values).containsExactly(100L, 101L, 102L, 103L, 104L);
    }

    @Test
    void listsSitesAndShowsOneWithItsAssetsInKilowatts() {
        JsonNode page = http.get("/api/v1/sites?feeder=" + PREFIX + "-f1").json();
        assertThat(page.get("total").asInt()).isEqualTo(2);
        assertThat(page.get("sites").get(0).get("id").asString()).isEqualTo(SITE);

        JsonNode site = http.get("/api/v1/sites/" + SITE).json();
        assertThat(site.get("supplyPointNumber").asString()).isEqualTo("0300000000000000000001");
        assertThat(site.get("buybackStatus").asString()).isEqualTo("SOTSU_FIT_OURS");
        assertThat(site.get("pvPeakKw").decimalValue()).isEqualByComparingTo("5.5");
        assertThat(site.get("assets")).hasSize(3);
        JsonNode battery = null;
        for (JsonNode asset : site.get("assets")) {
            if (asset.get("id").asString().equals("bat-1")) {
                battery = asset;
            }
        }
        assertThat(battery).isNotNull();
        assertThat(battery.get("type").asString()).isEqualTo("battery");
        assertThat(battery.get("capacityKwh").decimalValue()).isEqualByComparingTo("9.8");
        assertThat(battery.get("maxChargeKw").decimalValue()).isEqualByComparingTo("3");
    }

    @Test
    void answersMistakesWithProblemDetailsThatSayWhatToChange() {
        HttpJson.Response missing = http.get("/api/v1/sites/no-such-site");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(missing.json().get("reason").asString()).isEqualTo("SITE_NOT_FOUND");

        HttpJson.Response badTime = http.get("/api/v1/sites/" + SITE + "/readings?from=yesterday");
        assertThat(badTime.status()).isEqualTo(400);
        assertThat(badTime.json().get("detail").asString())
                .isEqualTo("parameter 'from' must be an ISO-8601 timestamp with offset, e.g. 2026-05-12T12:00:00+09:00, was 'yesterday'");

        HttpJson.Response badLimit = http.get("/api/v1/sites/" + SITE + "/readings?limit=0");
        assertThat(badLimit.json().get("detail").asString()).isEqualTo("parameter 'limit' must be within 1..10000, was 0");
    }

    @Test
    void refusesAnInvalidRegionFileWholeAndKeepsTheRegistryAsItWas() {
        String broken = region(PREFIX).replace("\"0300000000000000000002\"", "\"03-00\"").replace("kwh: 9.8", "kwh: 0");
        HttpJson.Response response = http.post("/api/v1/registry/import", "application/yaml", broken);

        assertThat(response.status()).isEqualTo(400);
        JsonNode problem = response.json();
        assertThat(problem.get("reason").asString()).isEqualTo("INVALID_REGION_FILE");
        assertThat(problem.get("problems")).hasSize(2);
        assertThat(problem.get("problems").get(1).asString())
                .isEqualTo("substations[0].banks[0].feeders[0].sites[1].supplyPoint: supply point number must be exactly 22 digits, was '03-00'");
        assertThat(http.get("/api/v1/sites/" + PREFIX + "-b").json().get("supplyPointNumber").asString())
                .isEqualTo("0300000000000000000002");
    }

    @Test
    void exposesHealthMetricsAndTheOpenApiDescription() {
        JsonNode health = http.get("/actuator/health").json();
        assertThat(health.get("status").asString()).isEqualTo("UP");
        assertThat(health.get("components").propertyNames()).contains("db", "mqttBroker", "telemetryStore");
        assertThat(http.get("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(http.get("/actuator/prometheus").body()).contains("aems_ingest_readings_total", "aems_ingest_commit_duration");
        JsonNode paths = http.get("/v3/api-docs").json().get("paths");
        assertThat(paths.propertyNames()).contains("/api/v1/sites", "/api/v1/sites/{siteId}",
                "/api/v1/sites/{siteId}/readings", "/api/v1/registry/import");
        assertThat(http.get("/swagger-ui.html").status()).isEqualTo(200);
    }

    private static void publish(String site, String payload) throws Exception {
        MqttClient gateway = new MqttClient(TestInfrastructure.mqttUrl(), site + "-gw-" + UUID.randomUUID().toString().substring(0, 4),
                new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setUserName(site);
        gateway.connect(options);
        gateway.publish("aems/v1/sites/" + site + "/telemetry", payload.getBytes(StandardCharsets.UTF_8), 1, false);
        gateway.disconnect();
        gateway.close();
    }

    private static String encode(Instant instant) {
        return java.net.URLEncoder.encode(TelemetryCodec.format(instant), StandardCharsets.UTF_8);
    }
}
