package org.aems.ingest.config;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.aems.core.alert.AlertSink;
import org.aems.ingest.registry.RegistryStore;
import org.aems.ingest.store.JdbcAlertSink;
import org.aems.ingest.store.JdbcReadingStore;
import org.aems.ingest.store.ReadingStore;
import org.aems.ingest.store.StorageMode;
import org.aems.ingest.store.StorageModeDetector;
import org.aems.ingest.store.TelemetryRetention;
import org.aems.ingest.store.TimescaleDbMigration;
import org.flywaydb.core.api.migration.JavaMigration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Storage shared by every role: the schema's TimescaleDB migration, the telemetry and registry stores,
 * the start-up report of the storage mode, and raw-telemetry retention on plain PostgreSQL.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@ConditionalOnBean(DataSource.class)
public class StorageAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(StorageAutoConfiguration.class);

    /** One clock for everything that asks what time it is; tests and simulations replace it. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    JavaMigration timescaleDbMigration() {
        return new TimescaleDbMigration();
    }

    /** {@code aems.storage.commit-timeout} (default 10 s): a telemetry commit blocked longer fails and is retried. */
    @Bean
    ReadingStore readingStore(DataSource dataSource, Environment environment) {
        Duration timeout = Binder.get(environment).bind("aems.storage.commit-timeout", Duration.class)
                .orElse(JdbcReadingStore.DEFAULT_COMMIT_TIMEOUT);
        return new JdbcReadingStore(dataSource, timeout);
    }

    /** The one alert seam (org.aems.core.alert): every role raises through it; the dashboard reads the table. */
    @Bean
    @ConditionalOnMissingBean
    AlertSink alertSink(DataSource dataSource) {
        return new JdbcAlertSink(dataSource);
    }

    @Bean
    RegistryStore registryStore(DataSource dataSource) {
        return new RegistryStore(dataSource);
    }

    @Bean
    @DependsOnDatabaseInitialization
    StorageMode storageMode(DataSource dataSource) {
        StorageMode mode = new StorageModeDetector(dataSource).detect();
        log.info("storage: {}", mode.describe());
        return mode;
    }

    @Bean
    RetentionSettings retentionSettings(Environment environment) {
        return Binder.get(environment).bindOrCreate("aems.storage.retention", RetentionSettings.class);
    }

    /** Daily purge of raw telemetry past retention, only where no TimescaleDB policy does it. */
    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService telemetryRetentionSchedule(StorageMode mode, DataSource dataSource, Clock clock,
                                                        RetentionSettings settings) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "aems-retention");
            t.setDaemon(true);
            return t;
        });
        if (mode.retentionByAems()) {
            TelemetryRetention retention = new TelemetryRetention(dataSource, clock, settings.rawTelemetry(), settings.rejections());
            scheduler.scheduleWithFixedDelay(() -> {
                try {
                    retention.purge();
                } catch (RuntimeException e) {
                    log.warn("telemetry retention purge failed, retrying at the next run: {}", e.getMessage());
                }
            }, 1, Duration.ofDays(1).toMinutes(), TimeUnit.MINUTES);
        }
        return scheduler;
    }

    /**
     * Retention (prefix {@code aems.storage.retention}).
     *
     * @param rawTelemetry default 395 days (~13 months)
     * @param rejections   default 90 days
     */
    public record RetentionSettings(Duration rawTelemetry, Duration rejections) {
        public RetentionSettings {
            rawTelemetry = rawTelemetry == null ? Duration.ofDays(395) : rawTelemetry;
            rejections = rejections == null ? Duration.ofDays(90) : rejections;
        }
    }
}
