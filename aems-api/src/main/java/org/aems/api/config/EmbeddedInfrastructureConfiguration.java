package org.aems.api.config;

import javax.sql.DataSource;
import org.aems.ingest.embedded.EmbeddedBroker;
import org.aems.ingest.embedded.EmbeddedDatabase;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts the embedded PostgreSQL and MQTT broker before anything needs them (ADR 0006). Beans are
 * created before any lifecycle starts, so ingest connects to a broker that is already listening;
 * on shutdown, lifecycles stop first and these close last.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "aems.embedded", name = "enabled", havingValue = "true", matchIfMissing = true)
class EmbeddedInfrastructureConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(EmbeddedProperties properties) {
        return EmbeddedDatabase.start(properties.dataDir().resolve("postgres"), properties.postgresPort());
    }

    @Bean
    DataSource dataSource(EmbeddedDatabase database) {
        return DataSourceBuilder.create().url(database.jdbcUrl("aems")).username(EmbeddedDatabase.USER).build();
    }

    @Bean(destroyMethod = "close")
    EmbeddedBroker embeddedBroker(EmbeddedProperties properties) {
        return EmbeddedBroker.start(properties.dataDir().resolve("mqtt"), properties.mqttPort());
    }
}
