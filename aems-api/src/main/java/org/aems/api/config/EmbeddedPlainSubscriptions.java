package org.aems.api.config;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The embedded default subscribes without shared subscriptions (ADR 0020): the embedded broker (HiveMQ CE) intermittently
 * stops delivering a QoS 1 shared subscription for good (hivemq-community-edition#558; measured: 1 of 8 fresh starts),
 * and one process has exactly one ingest and one dispatcher, so there is nothing to share. Explicit settings win, and a
 * deployment on Mosquitto keeps its shared groups for scale-out.
 */
public final class EmbeddedPlainSubscriptions implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty("aems.embedded.enabled", Boolean.class, true)) {
            return;
        }
        // Last: below application.yml and the environment, so an explicit setting always wins.
        environment.getPropertySources().addLast(new MapPropertySource("aemsEmbeddedPlainSubscriptions",
                Map.of("aems.ingest.mqtt.shared-group", "", "aems.optimizer.dispatch.shared-group", "")));
    }
}
