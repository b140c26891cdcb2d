package org.aems.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.aems.api.security.Role;
import org.aems.testing.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Machine clients with OAuth2 access tokens from their organisation's identity provider (here: a key pair made by
 * the test, its public half configured as the server's verification key), next to AEMS API keys.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class JwtIT {

    static final String PREFIX = "jwt" + UUID.randomUUID().toString().substring(0, 6);
    static final KeyPair IDP = keyPair();
    static final KeyPair OTHER = keyPair();

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) throws Exception {
        TestApp.onTestInfrastructure(registry, PREFIX);
        registry.add("aems.optimizer.enabled", () -> "false");
        Path pem = Files.createTempFile("idp-", ".pem");
        Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(IDP.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> "file:" + pem);
    }

    @Test
    void aValidTokenActsWithItsRolesAndOrganisationAndIsAuditedUnderItsClient() {
        String token = token(IDP, "billing-batch", "operator", List.of("BILLING", "offline_access"), Instant.now().plusSeconds(300));
        assertThat(get("/api/v1/settlement/runs", token).statusCode()).isEqualTo(200);
        HttpResponse<String> admin = get("/api/v1/admin/users", token);
        assertThat(admin.statusCode()).isEqualTo(403);
        assertThat(admin.body()).contains("you have BILLING.");
        assertThat(get("/api/v1/sites", token).statusCode()).isEqualTo(403);

        HttpJson http = HttpJson.signedIn(port, context);
        HttpJson.Response audit = http.withRoles(Role.ADMIN).get("/api/v1/admin/audit?action=ACCESS_DENIED&target=/api/v1/admin/users");
        assertThat(audit.status()).as(audit.body()).isEqualTo(200);
        JsonNode denied = audit.json().get("events");
        assertThat(denied.findValuesAsString("actor")).containsExactly("billing-batch");
        assertThat(denied.findValuesAsString("organisation")).containsExactly("operator");
        // Our own keys keep working next to tokens.
        assertThat(http.withRoles(Role.BILLING).get("/api/v1/settlement/runs").status()).isEqualTo(200);
    }

    @Test
    void expiredForgedUnsignedAndForeignTokensAreRefused() {
        record Case(String what, String token, String detail) {
        }
        List<Case> cases = List.of(
                new Case("expired", token(IDP, "c", "operator", List.of("BILLING"), Instant.now().minusSeconds(120)), "expired"),
                new Case("signed by another key", token(OTHER, "c", "operator", List.of("BILLING"), Instant.now().plusSeconds(300)),
                        "Invalid signature"),
                new Case("unsigned (alg none)", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJjIiwib3JnYW5pc2F0aW9uIjoib3BlcmF0b3IiLCJyb2xlcyI6WyJBRE1JTiJdfQ.",
                        "Unsupported algorithm of none"),
                new Case("no organisation", token(IDP, "c", null, List.of("BILLING"), Instant.now().plusSeconds(300)),
                        "the token has no 'organisation' claim naming the organisation"),
                new Case("none of our roles", token(IDP, "c", "operator", List.of("uma_authorization"), Instant.now().plusSeconds(300)),
                        "the token's 'roles' claim holds none of the roles OPERATOR, BILLING, ADMIN, DISPATCHER"),
                new Case("garbage", "not.a.jwt", "Malformed"),
                new Case("an AEMS key cut short", "aems_abc", "the bearer token is not an AEMS API key"));
        for (Case c : cases) {
            HttpResponse<String> r = get("/api/v1/settlement/runs", c.token());
            assertThat(r.statusCode()).as(c.what()).isEqualTo(401);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).as(c.what()).startsWith("application/problem+json");
            assertThat(r.body()).as(c.what()).contains("\"reason\":\"INVALID_CREDENTIALS\"").contains(c.detail());
        }
    }

    private HttpResponse<String> get(String path, String token) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String token(KeyPair key, String subject, String organisation, List<String> roles, Instant expires) {
        try {
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject(subject).issueTime(Date.from(expires.minusSeconds(600)))
                    .expirationTime(Date.from(expires)).claim("roles", roles);
            if (organisation != null) {
                claims.claim("organisation", organisation);
            }
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims.build());
            jwt.sign(new RSASSASigner((RSAPrivateKey) key.getPrivate()));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair keyPair() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
