package org.aems.api.config;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import org.aems.core.brokerauth.IssuedPassword;
import org.aems.core.brokerauth.ServiceRole;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The embedded default's own broker accounts (ADR 0017): at every start, fresh random passwords for the in-process
 * ingest, dispatcher and simulator, set as their MQTT credentials and accepted by the embedded broker. They live in
 * this JVM's memory only, so nothing in the repository or the data folder is a usable password. Explicit settings
 * (e.g. {@code aems.ingest.mqtt.username}) win: such a client uses an account issued through the API instead.
 */
public final class EmbeddedServiceAccounts implements EnvironmentPostProcessor {

    static final String PASSWORD_PREFIX = "aems.embedded.service-password.";
    private static final Map<ServiceRole, String> CLIENT_PREFIX = Map.of(ServiceRole.INGEST, "aems.ingest.mqtt",
            ServiceRole.DISPATCHER, "aems.optimizer.dispatch", ServiceRole.SIMULATOR, "aems.simulator");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty("aems.embedded.enabled", Boolean.class, true)) {
            return;
        }
        SecureRandom random = new SecureRandom();
        Map<String, Object> generated = new HashMap<>();
        CLIENT_PREFIX.forEach((role, prefix) -> {
            if (environment.containsProperty(prefix + ".username")) {
                return;
            }
            IssuedPassword password = IssuedPassword.generate(role.username(), random);
            generated.put(prefix + ".username", role.username());
            generated.put(prefix + ".password", password.password());
            generated.put(PASSWORD_PREFIX + role.username(), password.password());
        });
        // Last: below application.yml and the environment, so an explicit setting always wins.
        environment.getPropertySources().addLast(new MapPropertySource("aemsEmbeddedServiceAccounts", generated));
    }
}
