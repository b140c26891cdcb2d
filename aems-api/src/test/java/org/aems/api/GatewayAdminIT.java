package org.aems.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.aems.core.brokerauth.IssuedPassword;
import org.aems.ingest.brokerauth.DynamicSecurityJson;
import org.aems.testing.MosquittoProcess;
import org.aems.testing.MqttProbe;
import org.aems.testing.TestRegions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * #7 through the admin API: gateway credentials issued, rotated and revoked over HTTP take effect at once on a real
 * Mosquitto with the dynamic-security plugin, and the rendered files come from the same accounts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GatewayAdminIT {

    static final String PREFIX = "gw" + UUID.randomUUID().toString().substring(0, 6);
    static final String A = PREFIX + "-a";
    static final String B = PREFIX + "-b";
    static final IssuedPassword ADMIN = IssuedPassword.generate("aems-admin", new SecureRandom());
    static final MosquittoProcess BROKER = MosquittoProcess.startWithDynamicSecurity(
            DynamicSecurityJson.initialConfig(ADMIN.username(), ADMIN.hash(new SecureRandom()), java.util.List.of()));
    static final String ADMIN_PATH = "/api/v1/admin/gateways";
    static final IssuedPassword SIMULATOR = IssuedPassword.generate("aems-simulator", new SecureRandom());

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    HttpJson http;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestApp.onDatabaseOnly(registry);
        registry.add("aems.optimizer.enabled", () -> "false");
        registry.add("aems.ingest.broker-auth.dynamic-security.url", BROKER::url);
        registry.add("aems.ingest.broker-auth.dynamic-security.username", ADMIN::username);
        registry.add("aems.ingest.broker-auth.dynamic-security.password", ADMIN::password);
        registry.add("aems.ingest.broker-auth.service-passwords.simulator", SIMULATOR::password);
    }

    @BeforeAll
    void importRegion() {
        http = HttpJson.signedIn(port, context);
        HttpJson.Response response = http.post("/api/v1/registry/import", "application/yaml", TestRegions.twoSites(PREFIX));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    @AfterAll
    void stopBroker() throws InterruptedException {
        BROKER.close();
    }

    HttpJson.Response issue(String site) {
        return http.post(ADMIN_PATH + "/" + site + "/credentials", "application/json", "");
    }

    @Test
    @Order(1)
    void anIssuedPasswordWorksOnceAndOnlyForItsOwnSite() throws Exception { // #7
        HttpJson.Response created = issue(A);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("Cache-Control")).isEqualTo("no-store");
        JsonNode body = created.json();
        assertThat(body.get("username").asString()).isEqualTo(A);
        assertThat(body.get("rotated").asBoolean()).isFalse();
        assertThat(body.get("account").get("createdBy").asString()).isEqualTo("tester");
        String password = body.get("password").asString();
        assertThat(issue(B).status()).isEqualTo(201);

        try (MqttProbe gateway = MqttProbe.connect(BROKER.url(), A, password)) {
            assertThat(gateway.publish("aems/v1/sites/" + B + "/telemetry", "forged")).isEqualTo(0x87);
            assertThat(gateway.publish("aems/v1/sites/" + A + "/telemetry", "own")).isIn(0x00, 0x10);
        }

        // The issue is in the audit log (who, what, status), the password is not.
        HttpJson.Response audit = http.get("/api/v1/admin/audit?target=" + ADMIN_PATH + "/" + A + "/credentials");
        assertThat(audit.json().get("events").findValuesAsString("actor")).contains("tester");
        assertThat(audit.body()).doesNotContain(password);

        HttpJson.Response list = http.get(ADMIN_PATH);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).doesNotContain(password).doesNotContain("$7$").contains("\"status\":\"ACTIVE\"");
        assertThat(list.json()).extracting(n -> n.get("username").asString()).contains(A, B);
    }

    @Test
    @Order(2)
    void rotationRetiresTheOldPasswordAndDropsItsConnection() throws Exception { // #7
        String site = PREFIX + "-a";
        String old = issue(site).json().get("password").asString();
        try (MqttProbe gateway = MqttProbe.connect(BROKER.url(), site, old)) {
            HttpJson.Response rotated = issue(site);
            assertThat(rotated.status()).isEqualTo(200);
            assertThat(rotated.json().get("rotated").asBoolean()).isTrue();
            assertThat(gateway.disconnectedWith.get(5, TimeUnit.SECONDS)).isEqualTo(0x98);
            assertThat(MqttProbe.connackOf(BROKER.url(), site, old)).isEqualTo(0x87);
            assertThat(MqttProbe.connackOf(BROKER.url(), site, rotated.json().get("password").asString())).isZero();
        }
    }

    @Test
    @Order(3)
    void revocationDisconnectsTheConnectedGatewayAndIsRecorded() throws Exception { // #7
        String password = issue(B).json().get("password").asString();
        try (MqttProbe gateway = MqttProbe.connect(BROKER.url(), B, password)) {
            HttpJson.Response revoked = http.delete(ADMIN_PATH + "/" + B + "/credentials", "application/json", "");
            assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
            assertThat(revoked.json().get("status").asString()).isEqualTo("REVOKED");
            assertThat(revoked.json().get("revokedBy").asString()).isEqualTo("tester");
            assertThat(gateway.disconnectedWith.get(5, TimeUnit.SECONDS)).isEqualTo(0x98);
        }
        assertThat(MqttProbe.connackOf(BROKER.url(), B, password)).isEqualTo(0x87);
        HttpJson.Response again = http.delete(ADMIN_PATH + "/" + B + "/credentials", "application/json", "");
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.json().get("reason").asString()).isEqualTo("CREDENTIAL_NOT_FOUND");
    }

    @Test
    @Order(4)
    void onlyAnAdminMayIssueCredentials() {
        assertThat(http.anonymous().post(ADMIN_PATH + "/" + A + "/credentials", "application/json", "").status()).isEqualTo(401);
        assertThat(http.withRoles(org.aems.api.security.Role.OPERATOR, org.aems.api.security.Role.DISPATCHER)
                .post(ADMIN_PATH + "/" + A + "/credentials", "application/json", "").status()).isEqualTo(403);
        assertThat(http.withRoles(org.aems.api.security.Role.OPERATOR).get(ADMIN_PATH + "/mosquitto/passwd").status()).isEqualTo(403);
    }

    @Test
    @Order(4)
    void refusesUnknownSitesReservedNamesAndUnknownServicesWithAReason() {
        HttpJson.Response unknown = issue(PREFIX + "-nowhere");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("reason").asString()).isEqualTo("SITE_NOT_FOUND");
        HttpJson.Response invalid = issue("bad+id");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("reason").asString()).isEqualTo("INVALID_PARAMETER");
        HttpJson.Response service = http.post(ADMIN_PATH + "/services/optimizer/credentials", "application/json", "");
        assertThat(service.status()).isEqualTo(400);
        assertThat(service.json().get("detail").asString()).contains("ingest", "dispatcher", "simulator");
    }

    @Test
    @Order(5)
    void aServiceAccountGetsItsRegionWideRights() throws Exception {
        HttpJson.Response ingest = http.post(ADMIN_PATH + "/services/ingest/credentials", "application/json", "");
        assertThat(ingest.status()).as(ingest.body()).isEqualTo(201);
        assertThat(ingest.json().get("username").asString()).isEqualTo("aems-ingest");
        try (MqttProbe probe = MqttProbe.connect(BROKER.url(), "aems-ingest", ingest.json().get("password").asString())) {
            assertThat(probe.subscribe("$share/" + PREFIX + "/aems/v1/sites/+/telemetry")).isEqualTo(0x01);
            assertThat(probe.subscribe("aems/v1/sites/+/commands")).isEqualTo(0x87);
        }
    }

    @Test
    @Order(6)
    void aServicePasswordFromTheConfigurationIsSetUpAtStart() throws Exception {
        await().atMost(Duration.ofSeconds(15)).until(() -> MqttProbe.connackOf(BROKER.url(), "aems-simulator", SIMULATOR.password()) == 0);
        try (MqttProbe simulator = MqttProbe.connect(BROKER.url(), "aems-simulator", SIMULATOR.password())) {
            assertThat(simulator.subscribe("aems/v1/sites/" + A + "/commands")).isEqualTo(0x01);
            assertThat(simulator.publish("aems/v1/sites/" + A + "/commands", "forged")).isEqualTo(0x87);
        }
        assertThat(http.get(ADMIN_PATH).json()).filteredOn(n -> n.get("username").asString().equals("aems-simulator"))
                .extracting(n -> n.get("createdBy").asString()).containsExactly("configuration");
    }

    @Test
    @Order(7)
    void rendersMosquittosFilesFromTheActiveAccounts() {
        HttpJson.Response passwd = http.get(ADMIN_PATH + "/mosquitto/passwd");
        assertThat(passwd.status()).isEqualTo(200);
        assertThat(passwd.body()).containsPattern("(?m)^" + A + ":\\$7\\$101\\$").doesNotContain(B + ":");
        HttpJson.Response acl = http.get(ADMIN_PATH + "/mosquitto/acl");
        assertThat(acl.body()).contains("user " + A + "\ntopic write aems/v1/sites/" + A + "/telemetry\n")
                .contains("topic read aems/v1/sites/" + A + "/commands\n").doesNotContain("user " + B + "\n");
        HttpJson.Response json = http.get(ADMIN_PATH + "/mosquitto/dynamic-security.json");
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.json().get("clients")).extracting(n -> n.get("username").asString()).contains("aems-admin", A, "aems-ingest")
                .doesNotContain(B);
    }

    @Test
    @Order(8)
    void aBrokerThatDoesNotAnswerChangesNothing() throws Exception {
        BROKER.close();
        HttpJson.Response refused = issue(B);
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.json().get("reason").asString()).isEqualTo("BROKER_UNAVAILABLE");
        assertThat(http.get(ADMIN_PATH).json()).filteredOn(n -> n.get("username").asString().equals(B))
                .extracting(n -> n.get("status").asString()).containsExactly("REVOKED");
    }
}
