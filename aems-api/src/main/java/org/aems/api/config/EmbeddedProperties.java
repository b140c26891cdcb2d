package org.aems.api.config;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded default run (prefix {@code aems.embedded}): real PostgreSQL binaries and an MQTT 5 broker
 * inside the app, so one command runs AEMS on a machine with only a JDK.
 *
 * @param enabled      default true; set false (AEMS_EMBEDDED_ENABLED=false) to use spring.datasource.* and a real broker
 * @param dataDir      where the database and broker keep their state across restarts
 * @param postgresPort localhost port of the embedded PostgreSQL
 * @param mqttPort     localhost port of the embedded broker; point gateways here
 */
@ConfigurationProperties("aems.embedded")
public record EmbeddedProperties(@DefaultValue("true") boolean enabled, @DefaultValue("./data") Path dataDir,
                                 @DefaultValue("54329") int postgresPort, @DefaultValue("1884") int mqttPort) {
}
