package org.aems.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.aems.testing.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A client that floods the API is told to wait (429 with Retry-After) and served again once it does. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RateLimitIT {

    static final String PREFIX = "rate" + UUID.randomUUID().toString().substring(0, 6);

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestApp.onTestInfrastructure(registry, PREFIX);
        registry.add("aems.optimizer.enabled", () -> "false");
        registry.add("aems.security.requests-per-second", () -> "20");
        registry.add("aems.security.rate-limit-period", () -> "2s");
    }

    @Test
    void aFloodGets429WithRetryAfterAndIsServedAgainAfterwards() throws Exception {
        HttpJson http = HttpJson.signedIn(port, context);
        List<Integer> statuses = new ArrayList<>();
        HttpJson.Response limited = null;
        for (int i = 0; i < 60; i++) {
            HttpJson.Response r = http.get("/api/v1/sites");
            statuses.add(r.status());
            if (r.status() == 429 && limited == null) {
                limited = r;
            }
        }
        assertThat(statuses.stream().filter(s -> s == 200).count()).isBetween(20L, 40L);
        assertThat(limited).isNotNull();
        assertThat(limited.header("Retry-After")).isEqualTo("2");
        assertThat(limited.json().get("reason").asString()).isEqualTo("RATE_LIMITED");
        assertThat(limited.json().get("detail").asString()).startsWith("more than 20 requests in 2000 ms from ");

        Thread.sleep(2_100);
        assertThat(http.get("/api/v1/sites").status()).isEqualTo(200);
    }
}
