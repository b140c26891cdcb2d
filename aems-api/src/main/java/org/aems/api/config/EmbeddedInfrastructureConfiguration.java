package org.aems.api.config;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.aems.core.brokerauth.PasswordHash;
import org.aems.core.brokerauth.ServiceRole;
import org.aems.ingest.brokerauth.AccountLookup;
import org.aems.ingest.brokerauth.BrokerCredentialStore;
import org.aems.ingest.embedded.EmbeddedBroker;
import org.aems.ingest.embedded.EmbeddedBrokerAuth;
import org.aems.ingest.embedded.EmbeddedDatabase;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

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

    /**
     * The broker's account check (ADR 0017): the in-process services' passwords of this start (EmbeddedServiceAccounts)
     * and the accounts issued through /api/v1/admin/gateways. Also the RunningBroker that drops revoked clients.
     */
    @Bean
    EmbeddedBrokerAuth embeddedBrokerAuth(DataSource dataSource, Environment environment) {
        Map<String, PasswordHash> services = new HashMap<>();
        SecureRandom random = new SecureRandom();
        for (ServiceRole role : ServiceRole.values()) {
            String password = environment.getProperty(EmbeddedServiceAccounts.PASSWORD_PREFIX + role.username());
            if (password != null) {
                services.put(role.username(), PasswordHash.create(password, random));
            }
        }
        AccountLookup issued = AccountLookup.of(new BrokerCredentialStore(dataSource));
        return new EmbeddedBrokerAuth(username -> services.containsKey(username) ? Optional.of(services.get(username))
                : issued.activeHash(username));
    }

    @Bean(destroyMethod = "close")
    EmbeddedBroker embeddedBroker(EmbeddedProperties properties, EmbeddedBrokerAuth auth) {
        return EmbeddedBroker.start(properties.dataDir().resolve("mqtt"), properties.mqttPort(), auth);
    }
}
