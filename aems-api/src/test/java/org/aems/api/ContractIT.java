package org.aems.api;

import static org.assertj.core.api.Assertions.assertThat;

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
 * Issue #6: buy-back contracts recorded through the API as versions; what would make a run fail later
 * (an overlap on the site, a lost update, a contract moving site, a price that is not a number) is refused now.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ContractIT {

    private static final String URL = "/api/v1/settlement/contracts/";

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.context.ApplicationContext context;
    HttpJson http;

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
    void aNewContractIsVersionOneAndAnOverlapOnTheSiteIsRefused() {
        HttpJson.Response first = put("c-1", """
                {"siteId":"s-1","from":"2026-04-01","tariff":{"kind":"FIXED","price":"8.5"},"taxTreatment":"TAX_INCLUSIVE"}""");
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().get("version").asInt()).isEqualTo(1);
        assertThat(first.json().get("tariff").get("price").asString()).isEqualTo("8.5");
        assertThat(first.json().get("recordedBy").asString()).isEqualTo("alice");

        HttpJson.Response overlap = put("c-2", """
                {"siteId":"s-1","from":"2026-06-01","tariff":{"kind":"MARKET_LINKED","series":"jepx.spot.tokyo","factor":"1",
                 "adder":"0","floor":"5"},"taxTreatment":"TAX_INCLUSIVE"}""");
        assertThat(overlap.status()).isEqualTo(409);
        assertThat(overlap.json().get("reason").asString()).isEqualTo("OVERLAPPING_CONTRACTS");
        assertThat(overlap.json().get("detail").asString()).isEqualTo("contract c-2 [2026-06-01, open) would overlap contract c-1 v1"
                + " [2026-04-01, open) of site s-1; end c-1 first (record a new version of it with 'until')");
        assertThat(http.get(URL + "c-2").status()).isEqualTo(404);
    }

    @Test
    @Order(2)
    void endingTheOldContractMakesVersionTwoAndThenTheNewOneFits() {
        HttpJson.Response ended = put("c-1", """
                {"siteId":"s-1","from":"2026-04-01","until":"2026-06-01","tariff":{"kind":"FIXED","price":"8.5"},
                 "taxTreatment":"TAX_INCLUSIVE","expectedVersion":1}""");
        assertThat(ended.status()).as(ended.body()).isEqualTo(200);
        assertThat(ended.json().get("version").asInt()).isEqualTo(2);
        HttpJson.Response next = put("c-2", """
                {"siteId":"s-1","from":"2026-06-01","tariff":{"kind":"MARKET_LINKED","series":"jepx.spot.tokyo","factor":"1",
                 "adder":"0","floor":"5"},"taxTreatment":"TAX_INCLUSIVE","meterReadingDay":14}""");
        assertThat(next.status()).as(next.body()).isEqualTo(201);
        assertThat(next.json().get("meterReadingDay").asInt()).isEqualTo(14);

        JsonNode history = http.get(URL + "c-1").json();
        assertThat(history).hasSize(2);
        assertThat(history.get(0).has("until")).isFalse();
        assertThat(history.get(1).get("until").asString()).isEqualTo("2026-06-01");
        JsonNode site = http.get("/api/v1/settlement/contracts?siteId=s-1").json();
        assertThat(site).hasSize(2);
        assertThat(site.get(0).get("contractId").asString()).isEqualTo("c-1");
        assertThat(site.get(0).get("version").asInt()).isEqualTo(2);
        assertThat(site.get(1).get("tariff").get("kind").asString()).isEqualTo("MARKET_LINKED");
    }

    @Test
    @Order(3)
    void aLostUpdateAMoveToAnotherSiteAndABadPriceAreRefusedWithNothingRecorded() {
        HttpJson.Response stale = put("c-1", """
                {"siteId":"s-1","from":"2026-04-01","until":"2026-05-01","tariff":{"kind":"FIXED","price":"9"},
                 "taxTreatment":"TAX_INCLUSIVE","expectedVersion":1}""");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("reason").asString()).isEqualTo("CONTRACT_VERSION_CONFLICT");
        assertThat(stale.json().get("detail").asString()).isEqualTo("contract c-1 is at version 2, not 1; read it again and apply"
                + " your change to version 2");

        HttpJson.Response moved = put("c-1", """
                {"siteId":"s-2","from":"2026-04-01","tariff":{"kind":"FIXED","price":"8.5"},"taxTreatment":"TAX_INCLUSIVE"}""");
        assertThat(moved.status()).isEqualTo(409);
        assertThat(moved.json().get("reason").asString()).isEqualTo("CONTRACT_SITE_CHANGE");

        HttpJson.Response price = put("c-3", """
                {"siteId":"s-3","from":"2026-04-01","tariff":{"kind":"FIXED","price":"eight"},"taxTreatment":"TAX_INCLUSIVE"}""");
        assertThat(price.status()).isEqualTo(400);
        assertThat(price.json().get("detail").asString()).isEqualTo("tariff field 'price' must be a decimal string such as \"8.5\","
                + " was 'eight'");
        HttpJson.Response tax = put("c-3", """
                {"siteId":"s-3","from":"2026-04-01","tariff":{"kind":"FIXED","price":"8"},"taxTreatment":"INCLUDED"}""");
        assertThat(tax.status()).isEqualTo(400);
        assertThat(tax.json().get("detail").asString()).isEqualTo("taxTreatment must be TAX_INCLUSIVE or TAX_EXCLUSIVE, was 'INCLUDED'");
        HttpJson.Response missing = put("c-3", "{\"siteId\":\"s-3\"}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("detail").asString()).isEqualTo("siteId, from, tariff and taxTreatment are required");

        assertThat(http.get(URL + "c-1").json()).hasSize(2);
        assertThat(http.get(URL + "c-3").status()).isEqualTo(404);
        assertThat(http.get(URL + "c-3").json().get("reason").asString()).isEqualTo("CONTRACT_NOT_FOUND");
    }

    private HttpJson.Response put(String contract, String json) {
        return http.as("alice").send("PUT", URL + contract, "application/json", json);
    }
}
