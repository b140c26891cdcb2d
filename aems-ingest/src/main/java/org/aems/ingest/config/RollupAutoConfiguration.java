package org.aems.ingest.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.aems.ingest.rollup.IntervalRollup;
import org.aems.ingest.rollup.RollupMetrics;
import org.aems.ingest.rollup.RollupSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The 30-minute interval rollup (ADR 0008), part of the ingest role: runs every
 * {@code aems.ingest.rollup.interval} on every ingest instance; an advisory lock lets one at a time work.
 * Off with {@code aems.ingest.rollup.enabled=false} (or the whole ingest role off).
 */
@AutoConfiguration(after = StorageAutoConfiguration.class)
@ConditionalOnBean(DataSource.class)
@ConditionalOnProperty(prefix = "aems.ingest", name = "enabled", havingValue = "true", matchIfMissing = true)
@ConditionalOnProperty(prefix = "aems.ingest.rollup", name = "enabled", havingValue = "true", matchIfMissing = true)
public class RollupAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RollupAutoConfiguration.class);

    @Bean
    RollupSettings rollupSettings(Environment environment) {
        return Binder.get(environment).bindOrCreate("aems.ingest.rollup", RollupSettings.class);
    }

    @Bean
    RollupMetrics rollupMetrics(ObjectProvider<MeterRegistry> registry) {
        return new RollupMetrics(registry.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    @DependsOnDatabaseInitialization
    IntervalRollup intervalRollup(DataSource dataSource, Clock clock, RollupSettings settings, RollupMetrics metrics) {
        return new IntervalRollup(dataSource, clock, settings, metrics);
    }

    /** Runs the rollup with a fixed delay between runs, from start-up until shutdown (before the database closes). */
    @Bean
    SmartLifecycle rollupSchedule(IntervalRollup rollup, RollupSettings settings) {
        return new SmartLifecycle() {
            private ScheduledExecutorService scheduler;

            @Override
            public synchronized void start() {
                scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "aems-rollup");
                    t.setDaemon(true);
                    return t;
                });
                long every = settings.interval().toMillis();
                scheduler.scheduleWithFixedDelay(() -> {
                    try {
                        rollup.run();
                    } catch (RuntimeException e) {
                        log.warn("interval rollup failed, retrying at the next run: {}", e.getMessage());
                    }
                }, every, every, TimeUnit.MILLISECONDS);
            }

            @Override
            public synchronized void stop() {
                if (scheduler != null) {
                    scheduler.shutdown();
                    try {
                        if (!scheduler.awaitTermination(30, TimeUnit.SECONDS)) {
                            scheduler.shutdownNow();
                        }
                    } catch (InterruptedException e) {
                        scheduler.shutdownNow();
                        Thread.currentThread().interrupt();
                    }
                    scheduler = null;
                }
            }

            @Override
            public synchronized boolean isRunning() {
                return scheduler != null;
            }
        };
    }
}
