package org.aems.api;

import static org.aems.api.security.Role.ADMIN;
import static org.aems.api.security.Role.BILLING;
import static org.aems.api.security.Role.DISPATCHER;
import static org.aems.api.security.Role.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.aems.api.security.Role;
import org.aems.testing.TestInfrastructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.handler.AbstractHandlerMethodMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import tools.jackson.databind.JsonNode;

/**
 * Issue #7 against the running app: every endpoint Spring serves is in the role matrix below and in the
 * OpenAPI document, and each role gets exactly what the matrix says; hostile input is refused with the right
 * status and leaks nothing; the first start's administrator signs in with a session and CSRF; the audit log
 * records and cannot be rewritten.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMetrics
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityIT {

    static final String PREFIX = "sec" + UUID.randomUUID().toString().substring(0, 6);
    static final Path SECRETS = Path.of("target", "security-it-" + PREFIX).toAbsolutePath();

    /** Who may call what: the specification the app's AccessRules must meet. Empty = public. */
    static final Map<String, Set<Role>> MATRIX = new TreeMap<>();

    static {
        Set<Role> operations = EnumSet.of(OPERATOR, DISPATCHER);
        Set<Role> everyone = EnumSet.of(OPERATOR, DISPATCHER, BILLING, ADMIN);
        Set<Role> settlement = EnumSet.of(BILLING, ADMIN);
        Set<Role> admin = EnumSet.of(ADMIN);
        Set<Role> dispatcher = EnumSet.of(DISPATCHER);
        Set<Role> open = Set.of();
        // Static files, API reference, health: no data behind them.
        allow(open, "GET /", "GET /**", "GET /webjars/**", "GET /dashboard", "GET /dashboard/", "GET /actuator/health", "GET /actuator/health/**",
                "GET /api/v1/public/region-intervals", "GET /api/v1/public/clock");
        allow(EnumSet.of(OPERATOR, ADMIN), "GET /actuator", "GET /actuator/info", "GET /actuator/prometheus",
                "GET /actuator/metrics", "GET /actuator/metrics/{requiredMetricName}");
        allow(admin, "POST /api/v1/admin/organisations", "GET /api/v1/admin/organisations", "POST /api/v1/admin/users",
                "GET /api/v1/admin/users", "DELETE /api/v1/admin/users/{username}", "POST /api/v1/admin/api-clients",
                "GET /api/v1/admin/api-clients", "DELETE /api/v1/admin/api-clients/{name}", "GET /api/v1/admin/audit",
                "GET /api/v1/admin/sites/{siteId}/owner", "PUT /api/v1/admin/sites/{siteId}/owner",
                "GET /api/v1/admin/sites/{siteId}/consents", "POST /api/v1/admin/sites/{siteId}/consents",
                "DELETE /api/v1/admin/sites/{siteId}/consents/{consentId}",
                "POST /api/v1/registry/import");
        // Gateways on MQTT (docs/security.md): broker credentials and Mosquitto's rendered configuration.
        allow(admin, "GET /api/v1/admin/gateways", "POST /api/v1/admin/gateways/{siteId}/credentials",
                "DELETE /api/v1/admin/gateways/{siteId}/credentials", "POST /api/v1/admin/gateways/services/{service}/credentials",
                "DELETE /api/v1/admin/gateways/services/{service}/credentials", "GET /api/v1/admin/gateways/mosquitto/passwd",
                "GET /api/v1/admin/gateways/mosquitto/acl", "GET /api/v1/admin/gateways/mosquitto/dynamic-security.json");
        allow(operations, "GET /api/v1/sites", "GET /api/v1/sites/{siteId}", "GET /api/v1/sites/{siteId}/readings",
                "GET /api/v1/sites/{siteId}/forecast", "GET /api/v1/banks/{bank}/plans", "GET /api/v1/banks/{bank}/plans/latest",
                "GET /api/v1/plans/{id}", "GET /api/v1/plans/{id}/csv", "GET /api/v1/balancing-plan", "GET /api/v1/balancing-plan/csv",
                "GET /api/v1/market-plan", "GET /api/v1/market-plan/versions", "GET /api/v1/commands", "GET /api/v1/commands/{commandId}",
                "GET /api/v1/ev-bookings", "GET /api/v1/ev-bookings/{id}", "GET /api/v1/curtailment-orders", "GET /api/v1/islands",
                "GET /api/v1/dashboard/region", "GET /api/v1/dashboard/feeders/{feederId}", "GET /api/v1/dashboard/sites",
                "GET /api/v1/dashboard/sites/{siteId}/rejections", "GET /api/v1/dashboard/stream", "GET /api/v1/alerts", "POST /api/v1/alerts/{id}/acknowledge");
        allow(dispatcher, "POST /api/v1/market-plan", "PUT /api/v1/ev-bookings/{id}", "PUT /api/v1/curtailment-orders/{id}",
                "POST /api/v1/feeders/{feeder}/island", "DELETE /api/v1/feeders/{feeder}/island");
        allow(everyone, "GET /api/v1/kpis/region", "GET /api/v1/series", "GET /api/v1/series/{seriesId}/versions",
                "GET /api/v1/series/{seriesId}/values");
        allow(admin, "POST /api/v1/series/{seriesId}/versions", "PUT /api/v1/settlement/contracts/{contractId}",
                "PUT /api/v1/settlement/supply-contracts/{contractId}",
                "POST /api/v1/settlement/certified-intervals", "POST /api/v1/settlement/runs/{runId}/finalise");
        allow(settlement, "POST /api/v1/settlement/runs", "GET /api/v1/settlement/runs", "GET /api/v1/settlement/runs/{runId}",
                "GET /api/v1/settlement/runs/{runId}/statements", "GET /api/v1/settlement/runs/{runId}/statements/{siteId}",
                "GET /api/v1/settlement/runs/{runId}/statements/{siteId}/lines", "GET /api/v1/settlement/runs/{runId}/diff",
                "GET /api/v1/settlement/runs/{runId}/export", "GET /api/v1/settlement/feed",
                "GET /api/v1/settlement/runs/{runId}/supply-bills", "GET /api/v1/settlement/runs/{runId}/supply-bills/diff",
                "GET /api/v1/settlement/runs/{runId}/supply-bills/{siteId}",
                "GET /api/v1/settlement/runs/{runId}/supply-bills/{siteId}/lines",
                "GET /api/v1/settlement/runs/{runId}/supply-bills/export", "GET /api/v1/settlement/contracts",
                "GET /api/v1/settlement/contracts/{contractId}", "GET /api/v1/settlement/supply-contracts",
                "GET /api/v1/settlement/supply-contracts/{contractId}", "GET /api/v1/settlement/supply-bills/feed", "GET /api/v1/settlement/certified-intervals/batches/{batchId}",
                "GET /api/v1/settlement/reconciliation");
    }

    private static void allow(Set<Role> roles, String... endpoints) {
        for (String endpoint : endpoints) {
            MATRIX.put(endpoint, roles);
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    DataSource dataSource;
    HttpJson http;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestApp.onTestInfrastructure(registry, PREFIX);
        registry.add("aems.security.secrets-dir", SECRETS::toString);
        registry.add("aems.security.bootstrap-clients[0].name", () -> "scraper");
        registry.add("aems.security.bootstrap-clients[0].roles[0]", () -> "OPERATOR");
        // The matrix sends hundreds of requests at once from one address; the limit has its own test.
        registry.add("aems.security.requests-per-second", () -> "100000");
    }

    @BeforeAll
    void connect() {
        http = HttpJson.signedIn(port, context);
    }

    @Test
    void everyEndpointSpringServesIsInTheMatrixAndEveryApiEndpointInTheOpenApiDocument() {
        Set<String> served = servedEndpoints();
        Set<String> unlisted = new TreeSet<>(served);
        unlisted.removeAll(MATRIX.keySet());
        Set<String> gone = new TreeSet<>(MATRIX.keySet());
        gone.removeAll(served);
        assertThat(unlisted).as("endpoints Spring serves that the matrix lacks: add them here, to AccessRules and to"
                + " docs/security.md").isEmpty();
        assertThat(gone).as("endpoints in the matrix that Spring no longer serves").isEmpty();

        Set<String> api = new TreeSet<>();
        served.stream().filter(e -> e.contains(" /api/")).forEach(api::add);
        Set<String> documented = new TreeSet<>();
        JsonNode paths = http.anonymous().get("/v3/api-docs").json().get("paths");
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                documented.add(operation.getKey().toUpperCase() + " " + path.getKey());
            }
        }
        assertThat(documented).isEqualTo(api);
    }

    @Test
    void eachRoleIsAllowedExactlyWhatTheMatrixSays() {
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, Set<Role>> entry : MATRIX.entrySet()) {
            String method = entry.getKey().substring(0, entry.getKey().indexOf(' '));
            String path = example(entry.getKey().substring(entry.getKey().indexOf(' ') + 1));
            Set<Role> allowed = entry.getValue();
            check(wrong, entry.getKey(), "anonymous", call(http.anonymous(), method, path), allowed.isEmpty(), 401);
            for (Role role : Role.values()) {
                check(wrong, entry.getKey(), role.name(), call(http.withRoles(role), method, path),
                        allowed.isEmpty() || allowed.contains(role), 403);
            }
        }
        assertThat(wrong).as("role × endpoint results that differ from the matrix").isEmpty();
    }

    private static void check(List<String> wrong, String endpoint, String who, HttpJson.Response r, boolean allowed, int refusal) {
        boolean refused = r.status() == 401 || r.status() == 403;
        if (allowed && refused || !allowed && r.status() != refusal) {
            wrong.add(endpoint + " as " + who + ": " + r.status() + (allowed ? " (should be allowed)" : " (should be " + refusal + ")"));
        }
        if (!allowed && !r.contentType().startsWith("application/problem+json")) {
            wrong.add(endpoint + " as " + who + ": refusal is " + r.contentType() + ", not a problem detail");
        }
    }

    @Test
    void aRefusalSaysWhichRoleIsNeededAndWhatToDo() {
        HttpJson.Response anonymous = http.anonymous().get("/api/v1/settlement/runs");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"aems\"");
        assertThat(anonymous.json().get("reason").asString()).isEqualTo("UNAUTHENTICATED");
        assertThat(anonymous.json().get("detail").asString()).contains("Authorization: Bearer aems_");

        HttpJson.Response operator = http.withRoles(OPERATOR).get("/api/v1/settlement/runs");
        assertThat(operator.status()).isEqualTo(403);
        assertThat(operator.json().get("reason").asString()).isEqualTo("FORBIDDEN");
        assertThat(operator.json().get("detail").asString())
                .isEqualTo("GET /api/v1/settlement/runs needs role ADMIN or BILLING; you have OPERATOR. Ask an ADMIN if your work needs it.");
        // A signed-in caller's refusal is in the audit log; an anonymous one is only counted.
        JsonNode denied = http.withRoles(ADMIN).get("/api/v1/admin/audit?action=ACCESS_DENIED&target=/api/v1/settlement/runs").json().get("events");
        assertThat(denied).isNotEmpty();
        assertThat(denied.findValuesAsString("actor")).contains(TestKeys.nameFor(OPERATOR)).doesNotContain("anonymous");
        assertThat(http.withRoles(ADMIN).get("/actuator/prometheus").body()).contains("aems_security_refusals_total{reason=\"unauthenticated\"}");
    }

    @Test
    void malformedUnknownAndRevokedKeysAreRefusedAsSuch() {
        String good = http.withRoles(BILLING).apiKey();
        String keyId = good.substring(5, 21);
        Map<String, String> presented = Map.of(
                "truncated", good.substring(0, good.length() - 1),
                "unsigned JWT", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiIsInJvbGVzIjpbIkFETUlOIl19.",
                "wrong secret", "aems_" + keyId + "_" + "A".repeat(43),
                "unknown key id", "aems_" + "a".repeat(16) + "_" + good.substring(22),
                "SQL in the key", "aems_' OR '1'='1_" + "A".repeat(43));
        for (Map.Entry<String, String> key : presented.entrySet()) {
            HttpJson.Response r = raw("GET", "/api/v1/settlement/runs", "Bearer " + key.getValue(), null);
            assertThat(r.status()).as(key.getKey()).isEqualTo(401);
            assertThat(r.json().get("reason").asString()).as(key.getKey()).isEqualTo("INVALID_CREDENTIALS");
        }
        JsonNode failed = http.withRoles(ADMIN).get("/api/v1/admin/audit?action=AUTHENTICATION_FAILED&target=" + keyId).json().get("events");
        assertThat(failed).as("the wrong secret for a real key id").hasSize(1);
        // Basic authentication is not offered: the request counts as anonymous.
        HttpJson.Response basic = raw("GET", "/api/v1/settlement/runs", "Basic YWRtaW46YWRtaW4=", null);
        assertThat(basic.status()).isEqualTo(401);
        assertThat(basic.json().get("reason").asString()).isEqualTo("UNAUTHENTICATED");

        HttpJson admin = http.withRoles(ADMIN);
        String doomed = admin.postJson("/api/v1/admin/api-clients",
                "{\"name\":\"leaked-key\",\"organisation\":\"" + TestKeys.ORGANISATION + "\",\"roles\":[\"BILLING\"]}").json().get("apiKey").asString();
        assertThat(raw("GET", "/api/v1/settlement/runs", "Bearer " + doomed, null).status()).isEqualTo(200);
        HttpJson.Response revoked = admin.send("DELETE", "/api/v1/admin/api-clients/leaked-key", "application/json", "");
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        assertThat(revoked.json().get("revokedAt").isNull()).isFalse();
        HttpJson.Response after = raw("GET", "/api/v1/settlement/runs", "Bearer " + doomed, null);
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.json().get("detail").asString())
                .isEqualTo("unknown or revoked API key " + doomed.substring(5, 21) + "; ask an ADMIN for a new one");
    }

    @Test
    void oversizedBodiesAreRefusedBeforeAnythingIsStored() throws Exception {
        long runs = count("SELECT count(*) FROM settlement_run");
        String big = "{\"month\":\"2026-05\",\"padding\":\"" + "x".repeat(1_100_000) + "\"}";
        HttpJson.Response declared = http.postJson("/api/v1/settlement/runs", big);
        assertThat(declared.status()).isEqualTo(413);
        assertThat(declared.json().get("reason").asString()).isEqualTo("BODY_TOO_LARGE");
        assertThat(declared.json().get("detail").asString())
                .isEqualTo("the request body is " + big.getBytes(StandardCharsets.UTF_8).length
                        + " bytes; this endpoint takes at most 1048576 bytes (aems.security.max-body-size)");

        // Chunked (no Content-Length): refused once the limit is passed.
        HttpResponse<String> chunked = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/settlement/runs"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + http.apiKey())
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).as(chunked.body()).isEqualTo(413);
        assertThat(chunked.body()).contains("\"reason\":\"BODY_TOO_LARGE\"");
        assertThat(count("SELECT count(*) FROM settlement_run")).isEqualTo(runs);

        // An upload endpoint takes far more than 1 MB: a 2 MB series file is read (and judged on its content).
        String series = "date,slot,value\n" + "2026-05-13,1,10.5\n".repeat(120_000);
        HttpJson.Response upload = http.post("/api/v1/series/jepx.big/versions?unit=yen%2FkWh&source=test", "text/csv", series);
        assertThat(upload.status()).as(upload.body()).isNotEqualTo(413);
    }

    @Test
    void injectionAttemptsInEveryQueryParameterAreAnsweredWithoutServerErrorsOrLeaks() {
        String[] attacks = {"' OR '1'='1", "1; DROP TABLE settlement_run;--", "<script>alert(1)</script>", "../../../../etc/passwd",
                "${jndi:ldap://x/a}", "%00", "9".repeat(400)};
        JsonNode paths = http.anonymous().get("/v3/api-docs").json().get("paths");
        List<String> wrong = new ArrayList<>();
        int tried = 0;
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            JsonNode get = path.getValue().get("get");
            if (get == null || get.get("parameters") == null) {
                continue;
            }
            for (JsonNode parameter : get.get("parameters")) {
                for (String attack : attacks) {
                    String encoded = java.net.URLEncoder.encode(attack, StandardCharsets.UTF_8);
                    String url = example(path.getKey());
                    if ("query".equals(parameter.get("in").asString())) {
                        url += "?" + parameter.get("name").asString() + "=" + encoded;
                    } else {
                        url = url.replace("/1/", "/" + encoded + "/").replace("/x/", "/" + encoded + "/");
                    }
                    HttpJson.Response r = http.get(url);
                    tried++;
                    // Echoing a value inside JSON is harmless (nosniff); serving it as HTML would not be.
                    if (r.status() >= 500 || r.body().matches("(?s).*(PSQLException|SQLException|org\\.aems|java\\.|\\tat ).*")
                            || r.contentType().startsWith("text/html") && r.body().contains("<script>")) {
                        wrong.add(url + " -> " + r.status() + " " + r.body().substring(0, Math.min(200, r.body().length())));
                    }
                }
            }
        }
        assertThat(tried).isGreaterThan(200);
        assertThat(wrong).isEmpty();
        assertThat(count("SELECT count(*) FROM information_schema.tables WHERE table_name = 'settlement_run'")).isEqualTo(1);
    }

    @Test
    void pathTraversalInExportAndStaticNamesFindsNothing() {
        for (String path : List.of("/api/v1/settlement/runs/..%2F..%2Fetc%2Fpasswd/export", "/api/v1/settlement/runs/1/export?format=../../etc/passwd",
                "/..%2F..%2F..%2Fetc%2Fpasswd", "/static/../../application.yml", "/%2e%2e/%2e%2e/pom.xml")) {
            HttpJson.Response r = http.get(path);
            assertThat(r.status()).as(path).isBetween(400, 404);
            assertThat(r.body()).as(path).doesNotContain("root:").doesNotContain("spring:").doesNotContain("<project");
        }
    }

    @Test
    void theFirstStartsAdministratorSignsInWithASessionAndChangesNeedTheCsrfToken() throws Exception {
        Path file = SECRETS.resolve("initial-admin-password");
        assertThat(Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        String password = Files.readString(file).trim();
        assertThat(password).hasSizeGreaterThanOrEqualTo(27);

        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
        String loginPage = browser.send(HttpRequest.newBuilder(URI.create(base() + "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"").matcher(loginPage);
        assertThat(csrf.find()).as(loginPage).isTrue();

        HttpResponse<String> wrong = browser.send(form("/login", "username=admin&password=wrong&_csrf=" + csrf.group(1)),
                HttpResponse.BodyHandlers.ofString());
        assertThat(wrong.headers().firstValue("Location").orElse("")).endsWith("/login?error");

        HttpResponse<String> signIn = browser.send(form("/login", "username=admin&password=" + password + "&_csrf=" + csrf.group(1)),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(signIn.headers().firstValue("Location").orElse("")).isEqualTo(base() + "/dashboard/");

        HttpResponse<String> users = browser.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/admin/users")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(users.statusCode()).isEqualTo(200);
        assertThat(users.body()).contains("\"username\":\"admin\"").doesNotContain("password");

        String organisation = "{\"id\":\"odawara-city\",\"name\":\"小田原市\"}";
        HttpResponse<String> noToken = browser.send(json("/api/v1/admin/organisations", organisation).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(noToken.body()).contains("\"reason\":\"CSRF_TOKEN_INVALID\"");

        String xsrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).findFirst().orElseThrow();
        HttpResponse<String> withToken = browser.send(json("/api/v1/admin/organisations", organisation).header("X-XSRF-TOKEN", xsrf).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(withToken.statusCode()).as(withToken.body()).isEqualTo(201);

        // A browser page that needs signing in is sent to the sign-in page; the API answers JSON instead.
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + "/actuator/prometheus"))
                .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(401);
        HttpResponse<String> swagger = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + "/swagger-ui.html"))
                .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(swagger.statusCode()).isIn(200, 302);
    }

    @Test
    void anotherOrganisationReadsASitesDataOnlyUnderAStandingConsent() {
        HttpJson admin = http.withRoles(ADMIN);
        assertThat(admin.post("/api/v1/registry/import", "application/yaml", org.aems.testing.TestRegions.twoSites(PREFIX)).status())
                .isEqualTo(200);
        assertThat(admin.postJson("/api/v1/admin/organisations", "{\"id\":\"tepco-pg\",\"name\":\"東京電力パワーグリッド\"}").status())
                .isEqualTo(201);
        String key = admin.postJson("/api/v1/admin/api-clients",
                "{\"name\":\"tso-operations\",\"organisation\":\"tepco-pg\",\"roles\":[\"OPERATOR\"]}").json().get("apiKey").asString();
        String site = "/api/v1/sites/" + PREFIX + "-a";

        HttpJson.Response refused = raw("GET", site + "/readings", "Bearer " + key, null);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("reason").asString()).isEqualTo("SITE_OUT_OF_SCOPE");
        assertThat(refused.json().get("detail").asString()).isEqualTo("site '" + PREFIX + "-a' is not in the scope of organisation"
                + " 'tepco-pg': its data is its owner's, and another organisation reads it only under a recorded consent (an ADMIN records it)");
        assertThat(raw("GET", "/api/v1/sites/" + PREFIX + "-b", "Bearer " + key, null).status()).isEqualTo(403);

        HttpJson.Response noEvidence = admin.postJson("/api/v1/admin/sites/" + PREFIX + "-a/consents",
                "{\"organisation\":\"tepco-pg\",\"purpose\":\"outage analysis\"}");
        assertThat(noEvidence.status()).isEqualTo(400);
        assertThat(noEvidence.json().get("reason").asString()).isEqualTo("CONSENT_INCOMPLETE");
        HttpJson.Response consent = admin.postJson("/api/v1/admin/sites/" + PREFIX + "-a/consents",
                "{\"organisation\":\"tepco-pg\",\"purpose\":\"outage analysis\",\"evidence\":\"form 2026-0042\"}");
        assertThat(consent.status()).as(consent.body()).isEqualTo(201);
        assertThat(raw("GET", site + "/readings", "Bearer " + key, null).status()).isEqualTo(200);
        JsonNode listed = raw("GET", "/api/v1/sites", "Bearer " + key, null).json();
        assertThat(listed.get("total").asInt()).isEqualTo(1);
        assertThat(listed.get("sites").findValuesAsString("id")).containsExactly(PREFIX + "-a");
        assertThat(raw("GET", "/api/v1/sites/" + PREFIX + "-b", "Bearer " + key, null).status()).as("the other site").isEqualTo(403);
        // Commands: the region's are the platform operator's; another organisation asks for a site in its scope.
        assertThat(raw("GET", "/api/v1/commands?site=" + PREFIX + "-a", "Bearer " + key, null).status()).isEqualTo(200);
        assertThat(raw("GET", "/api/v1/commands?site=" + PREFIX + "-b", "Bearer " + key, null).status()).isEqualTo(403);
        HttpJson.Response everything = raw("GET", "/api/v1/commands", "Bearer " + key, null);
        assertThat(everything.status()).isEqualTo(403);
        assertThat(everything.json().get("detail").asString())
                .isEqualTo("organisation 'tepco-pg' sees only the sites in its scope: name one (parameter 'site')");

        long id = consent.json().get("id").asLong();
        assertThat(admin.send("DELETE", "/api/v1/admin/sites/" + PREFIX + "-a/consents/" + id, "application/json", "").status()).isEqualTo(200);
        assertThat(raw("GET", site + "/readings", "Bearer " + key, null).status()).isEqualTo(403);

        // Handing the site to the transmission operator takes it out of the platform operator's scope.
        HttpJson.Response owner = admin.send("PUT", "/api/v1/admin/sites/" + PREFIX + "-b/owner", "application/json",
                "{\"organisation\":\"tepco-pg\"}");
        assertThat(owner.status()).as(owner.body()).isEqualTo(200);
        assertThat(raw("GET", "/api/v1/sites/" + PREFIX + "-b", "Bearer " + key, null).status()).isEqualTo(200);
        assertThat(http.withRoles(OPERATOR).get("/api/v1/sites/" + PREFIX + "-b").status()).isEqualTo(403);
        assertThat(http.withRoles(OPERATOR).get("/api/v1/sites").json().get("sites").findValuesAsString("id"))
                .contains(PREFIX + "-a").doesNotContain(PREFIX + "-b");

        // Settlement is the settling organisation's alone, whatever the role.
        String billing = admin.postJson("/api/v1/admin/api-clients",
                "{\"name\":\"tso-billing\",\"organisation\":\"tepco-pg\",\"roles\":[\"BILLING\"]}").json().get("apiKey").asString();
        HttpJson.Response settlement = raw("GET", "/api/v1/settlement/runs", "Bearer " + billing, null);
        assertThat(settlement.status()).isEqualTo(403);
        assertThat(settlement.json().get("detail").asString()).isEqualTo("settlement belongs to organisation 'operator'"
                + " (aems.security.settlement-organisation); organisation 'tepco-pg' sees its sites' data through consents, not"
                + " through settlement");
        JsonNode events = admin.get("/api/v1/admin/audit?target=site:" + PREFIX + "-a&action=SITE_CONSENT_RECORDED").json().get("events");
        assertThat(events).hasSize(1);
        assertThat(events.get(0).get("detail").asString()).contains("form 2026-0042");
    }

    @Test
    void aDisabledUsersOpenSessionEndsAtItsNextRequest() throws Exception {
        HttpJson admin = http.withRoles(ADMIN);
        String password = admin.postJson("/api/v1/admin/users",
                "{\"name\":\"tanaka\",\"organisation\":\"" + TestKeys.ORGANISATION + "\",\"roles\":[\"OPERATOR\"]}")
                .json().get("initialPassword").asString();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        String loginPage = browser.send(HttpRequest.newBuilder(URI.create(base() + "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"").matcher(loginPage);
        assertThat(csrf.find()).isTrue();
        assertThat(browser.send(form("/login", "username=tanaka&password=" + password + "&_csrf=" + csrf.group(1)),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(302);
        HttpRequest sites = HttpRequest.newBuilder(URI.create(base() + "/api/v1/sites")).GET().build();
        assertThat(browser.send(sites, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

        assertThat(admin.send("DELETE", "/api/v1/admin/users/tanaka", "application/json", "").status()).isEqualTo(200);
        HttpResponse<String> after = browser.send(sites, HttpResponse.BodyHandlers.ofString());
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(after.body()).contains("\"reason\":\"UNAUTHENTICATED\"");
    }

    @Test
    void aDeploymentsOwnClientsAreIssuedAtFirstStartIntoFilesOnlyTheAppAndItsGroupCanRead() throws Exception {
        Path file = SECRETS.resolve("scraper.key");
        assertThat(Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                java.nio.file.attribute.PosixFilePermission.OWNER_WRITE, java.nio.file.attribute.PosixFilePermission.GROUP_READ);
        String key = Files.readString(file).trim();
        HttpJson.Response metrics = raw("GET", "/actuator/prometheus", "Bearer " + key, null);
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
        assertThat(raw("GET", "/api/v1/settlement/runs", "Bearer " + key, null).status()).isEqualTo(403);
    }

    @Test
    void usersAndKeysAreIssuedOnceAndTheAuditLogRecordsChangesAndSiteReadsButCannotBeRewritten() throws Exception {
        HttpJson admin = http.withRoles(ADMIN);
        HttpJson.Response org = admin.postJson("/api/v1/admin/organisations", "{\"id\":\"shonan-power\",\"name\":\"湘南電力\"}");
        assertThat(org.status()).as(org.body()).isEqualTo(201);
        HttpJson.Response issued = admin.postJson("/api/v1/admin/api-clients",
                "{\"name\":\"billing-system\",\"organisation\":\"" + TestKeys.ORGANISATION + "\",\"roles\":[\"BILLING\"]}");
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        String key = issued.json().get("apiKey").asString();
        assertThat(key).matches("aems_[a-z2-7]{16}_[A-Za-z0-9_-]{43}");
        assertThat(admin.get("/api/v1/admin/api-clients").body()).doesNotContain(key.substring(22));
        assertThat(raw("GET", "/api/v1/settlement/feed", "Bearer " + key, null).status()).isEqualTo(200);

        HttpJson.Response unknownOrg = admin.postJson("/api/v1/admin/users", "{\"name\":\"suzuki\",\"organisation\":\"nobody\",\"roles\":[\"OPERATOR\"]}");
        assertThat(unknownOrg.status()).isEqualTo(422);
        assertThat(unknownOrg.json().get("reason").asString()).isEqualTo("UNKNOWN_ORGANISATION");
        HttpJson.Response badRole = admin.postJson("/api/v1/admin/users", "{\"name\":\"suzuki\",\"organisation\":\"shonan-power\",\"roles\":[\"ROOT\"]}");
        assertThat(badRole.status()).isEqualTo(400);
        assertThat(badRole.json().get("detail").asString()).isEqualTo("unknown role 'ROOT'; roles are OPERATOR, BILLING, ADMIN, DISPATCHER");
        HttpJson.Response user = admin.postJson("/api/v1/admin/users", "{\"name\":\"suzuki\",\"organisation\":\"shonan-power\",\"roles\":[\"OPERATOR\"]}");
        assertThat(user.status()).isEqualTo(201);
        assertThat(user.json().get("initialPassword").asString()).hasSizeGreaterThanOrEqualTo(27);
        assertThat(count("SELECT count(*) FROM app_user WHERE username = 'suzuki' AND password_hash LIKE '{bcrypt}$2%'")).isEqualTo(1);

        http.withRoles(OPERATOR).get("/api/v1/sites/" + PREFIX + "-nosuch/readings");
        JsonNode reads = admin.get("/api/v1/admin/audit?action=SITE_DATA_READ&target=site:" + PREFIX + "-nosuch").json().get("events");
        assertThat(reads).hasSize(1);
        assertThat(reads.get(0).get("actor").asString()).isEqualTo(TestKeys.nameFor(OPERATOR));
        assertThat(reads.get(0).get("organisation").asString()).isEqualTo(TestKeys.ORGANISATION);
        JsonNode changes = admin.get("/api/v1/admin/audit?action=POST%20/api/v1/admin/api-clients").json().get("events");
        assertThat(changes).isNotEmpty();
        assertThat(changes.get(changes.size() - 1).get("actor").asString()).isEqualTo(TestKeys.nameFor(ADMIN));
        JsonNode issuedEvents = admin.get("/api/v1/admin/audit?action=API_CLIENT_ISSUED&target=api-client:billing-system").json().get("events");
        assertThat(issuedEvents).hasSize(1);
        assertThat(issuedEvents.get(0).get("detail").asString()).doesNotContain(key.substring(22));

        long events = count("SELECT count(*) FROM audit_event");
        for (String tamper : List.of("UPDATE audit_event SET actor = 'nobody'", "DELETE FROM audit_event", "TRUNCATE audit_event")) {
            try (var c = dataSource.getConnection(); var s = c.createStatement()) {
                s.execute(tamper);
                throw new AssertionError(tamper + " was allowed");
            } catch (java.sql.SQLException refused) {
                assertThat(refused.getMessage()).as(tamper).contains("audit_event is append-only");
            }
        }
        assertThat(count("SELECT count(*) FROM audit_event")).isGreaterThanOrEqualTo(events);
    }

    private Set<String> servedEndpoints() {
        Set<String> served = new TreeSet<>();
        for (AbstractHandlerMethodMapping<?> mapping : context.getBeansOfType(AbstractHandlerMethodMapping.class).values()) {
            for (Object info : mapping.getHandlerMethods().keySet()) {
                if (info instanceof RequestMappingInfo rmi && rmi.getPathPatternsCondition() != null) {
                    Set<String> methods = rmi.getMethodsCondition().getMethods().isEmpty() ? Set.of("GET")
                            : rmi.getMethodsCondition().getMethods().stream().map(Enum::name).collect(java.util.stream.Collectors.toSet());
                    for (String pattern : rmi.getPathPatternsCondition().getPatternValues()) {
                        for (String method : methods) {
                            served.add(method + " " + pattern);
                        }
                    }
                }
            }
        }
        for (var mapping : context.getBeansOfType(org.springframework.web.servlet.handler.AbstractUrlHandlerMapping.class).values()) {
            mapping.getHandlerMap().keySet().forEach(pattern -> served.add("GET " + pattern));
            if (mapping.getRootHandler() != null) {
                served.add("GET /"); // the welcome page
            }
        }
        // Spring's own: the error page and the API reference's machinery (the reference itself is public and tested).
        served.removeIf(e -> e.endsWith(" /error") || e.contains("/v3/api-docs") || e.contains("swagger-ui"));
        return served;
    }

    /** A concrete path for a pattern: numbers where ids are numbers, "x" elsewhere, index.html for static files. */
    private static String example(String pattern) {
        return pattern.replace("/**", "/index.html").replaceAll("\\{(runId|id|batchId|consentId)\\}", "1").replaceAll("\\{[^}]+\\}", "x");
    }

    private static HttpJson.Response call(HttpJson client, String method, String path) {
        return switch (method) {
            case "GET" -> path.endsWith("/stream") ? client.firstEvent(path) : client.get(path);
            default -> client.send(method, path, "application/json", "{}");
        };
    }

    private HttpJson.Response raw(String method, String path, String authorization, String body) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).header("Authorization", authorization)
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            HttpResponse<String> r = HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new HttpJson.Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(), r.headers());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest form(String path, String body) {
        return HttpRequest.newBuilder(URI.create(base() + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private HttpRequest.Builder json(String path, String body) {
        return HttpRequest.newBuilder(URI.create(base() + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private long count(String sql) {
        try (var c = dataSource.getConnection(); var s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
