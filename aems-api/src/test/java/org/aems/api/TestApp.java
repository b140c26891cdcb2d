package org.aems.api;

import org.aems.testing.TestInfrastructure;
import org.springframework.test.context.DynamicPropertyRegistry;

/** What every API integration test's app shares: no embedded infrastructure or simulator, a fresh database. */
final class TestApp {

    private TestApp() {
    }

    /** A fresh database of the test infrastructure's PostgreSQL, no broker: ingest off (the test writes what it reads). */
    static void onDatabaseOnly(DynamicPropertyRegistry registry) {
        registry.add("aems.embedded.enabled", () -> "false");
        registry.add("aems.simulator.enabled", () -> "false");
        registry.add("aems.ingest.enabled", () -> "false");
        registry.add("spring.datasource.url", TestInfrastructure::freshDatabase);
    }

    /**
     * The test infrastructure's PostgreSQL (a fresh database) and broker; ingest under client id and shared group of
     * its own, so members left behind by earlier runs on a shared broker cannot take this run's messages.
     */
    static void onTestInfrastructure(DynamicPropertyRegistry registry, String prefix) {
        registry.add("aems.embedded.enabled", () -> "false");
        registry.add("aems.simulator.enabled", () -> "false");
        registry.add("spring.datasource.url", TestInfrastructure::freshDatabase);
        registry.add("aems.ingest.mqtt.url", TestInfrastructure::mqttUrl);
        registry.add("aems.ingest.mqtt.client-id", () -> prefix + "-ingest");
        registry.add("aems.ingest.mqtt.shared-group", () -> TestInfrastructure.sharedGroup(prefix));
    }
}
