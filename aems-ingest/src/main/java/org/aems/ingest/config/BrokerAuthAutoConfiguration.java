package org.aems.ingest.config;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.aems.core.brokerauth.ServiceRole;
import org.aems.ingest.brokerauth.BrokerAccounts;
import org.aems.ingest.brokerauth.BrokerCredentialStore;
import org.aems.ingest.brokerauth.DynamicSecurityClient;
import org.aems.ingest.brokerauth.DynamicSecuritySettings;
import org.aems.ingest.brokerauth.RunningBroker;
import org.aems.ingest.brokerauth.ServiceAccountBootstrap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Broker accounts (#7, ADR 0017): the credential store in every role that has the database, and, when
 * {@code aems.ingest.broker-auth.dynamic-security.url} is set, the client that tells a running Mosquitto's
 * dynamic-security plugin about each change. The embedded default brings its own RunningBroker (the embedded broker).
 */
@AutoConfiguration(after = StorageAutoConfiguration.class)
@ConditionalOnBean(DataSource.class)
public class BrokerAuthAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(BrokerAuthAutoConfiguration.class);
    static final String DYNAMIC_SECURITY = "aems.ingest.broker-auth.dynamic-security";
    static final String SERVICE_PASSWORDS = "aems.ingest.broker-auth.service-passwords";

    @Bean
    BrokerCredentialStore brokerCredentialStore(DataSource dataSource) {
        return new BrokerCredentialStore(dataSource);
    }

    /** Unless the url is set, no running broker is told anything; with it, the admin username and password are required. */
    @Bean
    @ConditionalOnMissingBean
    RunningBroker runningBroker(Environment environment) {
        Binder binder = Binder.get(environment);
        if (binder.bind(DYNAMIC_SECURITY + ".url", String.class).map(String::isBlank).orElse(true)) {
            log.info("broker accounts are kept in the database only; render Mosquitto's files from "
                    + "/api/v1/admin/gateways/mosquitto/* or set {}.url", DYNAMIC_SECURITY);
            return RunningBroker.NONE;
        }
        DynamicSecuritySettings settings = binder.bindOrCreate(DYNAMIC_SECURITY, DynamicSecuritySettings.class);
        log.info("broker accounts are applied to Mosquitto's dynamic-security plugin [{}]", settings);
        return new DynamicSecurityClient(settings);
    }

    @Bean
    BrokerAccounts brokerAccounts(DataSource dataSource, BrokerCredentialStore store, RunningBroker broker, Clock clock) {
        return new BrokerAccounts(dataSource, store, broker, clock, new SecureRandom());
    }

    /**
     * {@code aems.ingest.broker-auth.service-passwords.{ingest,dispatcher,simulator}}: passwords the operator chose
     * for the services' accounts (from the environment); this instance creates or updates those accounts at start.
     */
    @Bean(initMethod = "start", destroyMethod = "close")
    @DependsOnDatabaseInitialization
    ServiceAccountBootstrap serviceAccountBootstrap(BrokerAccounts accounts, Environment environment) {
        Map<ServiceRole, String> passwords = new EnumMap<>(ServiceRole.class);
        for (ServiceRole role : ServiceRole.values()) {
            String key = SERVICE_PASSWORDS + "." + role.name().toLowerCase(Locale.ROOT);
            String password = Binder.get(environment).bind(key, String.class).orElse("");
            if (!password.isBlank()) {
                passwords.put(role, password);
            }
        }
        return new ServiceAccountBootstrap(accounts, passwords);
    }
}
