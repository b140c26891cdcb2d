package org.aems.ingest.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import javax.sql.DataSource;
import org.aems.core.alert.AlertSink;
import org.aems.core.telemetry.TelemetryCodec;
import org.aems.ingest.mqtt.InboundMessage;
import org.aems.ingest.mqtt.MqttSettings;
import org.aems.ingest.mqtt.TelemetrySubscriber;
import org.aems.ingest.pipeline.BatchSettings;
import org.aems.ingest.pipeline.BatchWriter;
import org.aems.ingest.pipeline.IngestMetrics;
import org.aems.ingest.registry.RegistryStore;
import org.aems.ingest.store.MeterScaleStore;
import org.aems.ingest.store.ReadingStore;
import org.aems.ingest.validation.CachedRegisteredSites;
import org.aems.ingest.validation.ReadingValidator;
import org.aems.ingest.validation.ValidationSettings;
import org.aems.ingest.watch.BrokerQueueDepth;
import org.aems.ingest.watch.BrokerQueueWatch;
import org.aems.ingest.watch.IngestStallWatch;
import org.aems.ingest.watch.IngestWatchdog;
import org.aems.ingest.watch.WatchSettings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The ingest role ({@code aems.ingest.enabled}, default true): MQTT subscriber, validation, batching
 * writer, their health and metrics.
 */
@AutoConfiguration(after = StorageAutoConfiguration.class)
@ConditionalOnBean(ReadingStore.class)
@ConditionalOnProperty(prefix = "aems.ingest", name = "enabled", havingValue = "true", matchIfMissing = true)
public class IngestAutoConfiguration {

    /** Start after the embedded broker and database beans exist, before the simulator publishes. */
    public static final int PHASE = 0;

    @Bean
    MqttSettings ingestMqttSettings(Environment environment) {
        Binder binder = Binder.get(environment);
        String clientId = binder.bind("aems.ingest.mqtt.client-id", String.class).orElseGet(IngestAutoConfiguration::defaultClientId);
        MqttSettings bound = binder.bindOrCreate("aems.ingest.mqtt", MqttSettings.class);
        return new MqttSettings(bound.url(), clientId, bound.username(), bound.password(), bound.sharedGroup(),
                bound.sessionExpiry(), bound.receiveMaximum(), bound.keepAlive(), bound.connectTimeout());
    }

    @Bean
    BatchSettings ingestBatchSettings(Environment environment) {
        return Binder.get(environment).bindOrCreate("aems.ingest.batch", BatchSettings.class);
    }

    @Bean
    ValidationSettings ingestValidationSettings(Environment environment) {
        return Binder.get(environment).bindOrCreate("aems.ingest.validation", ValidationSettings.class);
    }

    @Bean
    IngestMetrics ingestMetrics(ObjectProvider<MeterRegistry> registry) {
        return new IngestMetrics(registry.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    BlockingQueue<InboundMessage> ingestQueue(MqttSettings settings) {
        // At most receive-maximum messages are in flight, so this never fills under a compliant broker.
        return new ArrayBlockingQueue<>(settings.receiveMaximum() * 2);
    }

    @Bean(destroyMethod = "")
    TelemetrySubscriber telemetrySubscriber(MqttSettings settings, BlockingQueue<InboundMessage> ingestQueue, Clock clock) {
        return new TelemetrySubscriber(settings, ingestQueue, clock);
    }

    @Bean
    BatchWriter batchWriter(BlockingQueue<InboundMessage> ingestQueue, RegistryStore registry, ReadingStore store,
                            DataSource dataSource, AlertSink alerts, TelemetrySubscriber subscriber, IngestMetrics metrics,
                            BatchSettings batch, ValidationSettings validation, Clock clock) {
        ReadingValidator validator = new ReadingValidator(
                CachedRegisteredSites.asApplication(registry::siteOf), clock, validation);
        BatchWriter writer = new BatchWriter(ingestQueue, new TelemetryCodec(), new MeterScaleStore(dataSource), validator, store,
                subscriber, alerts, metrics, batch, clock);
        metrics.trackInFlight(writer::inFlight);
        return writer;
    }

    @Bean
    SmartLifecycle ingestLifecycle(TelemetrySubscriber subscriber, BatchWriter writer) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                writer.start();
                subscriber.start();
                running = true;
            }

            @Override
            public void stop() {
                // Disconnect first: unacknowledged messages stay with the broker's session.
                subscriber.close();
                try {
                    writer.stop(Duration.ofSeconds(10));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }

            @Override
            public int getPhase() {
                return PHASE;
            }
        };
    }

    @Bean
    WatchSettings ingestWatchSettings(Environment environment) {
        return Binder.get(environment).bindOrCreate("aems.ingest.watch", WatchSettings.class);
    }

    @Bean(destroyMethod = "close")
    BrokerQueueDepth brokerQueueDepth(MqttSettings settings, Clock clock, IngestMetrics metrics) {
        BrokerQueueDepth depth = BrokerQueueDepth.of(settings, clock);
        metrics.trackBrokerQueue(depth::current);
        return depth;
    }

    /** Alerts for a stalled ingest and a broker queue nearing its limit (docs/metrics.md, "Alerts"). */
    @Bean(initMethod = "start", destroyMethod = "close")
    IngestWatchdog ingestWatchdog(BatchWriter writer, TelemetrySubscriber subscriber, BrokerQueueDepth depth, AlertSink alerts,
                                  WatchSettings settings, Clock clock) {
        IngestStallWatch stall = new IngestStallWatch(writer::inFlight, writer::lastCommit, writer::isStoreHealthy,
                subscriber::isConnected, subscriber.settings().url(), settings.stallAfter(), alerts);
        BrokerQueueWatch queue = new BrokerQueueWatch(depth::current, settings.brokerQueueLimit(), settings.brokerQueueWarnAt(), alerts);
        return new IngestWatchdog(List.of(stall::check, queue::check), settings, clock);
    }

    @Bean
    HealthIndicator mqttBrokerHealthIndicator(TelemetrySubscriber subscriber) {
        return () -> (subscriber.isConnected() ? Health.up() : Health.down())
                .withDetail("url", subscriber.settings().url())
                .withDetail("filter", subscriber.settings().telemetryFilter())
                .build();
    }

    @Bean
    HealthIndicator telemetryStoreHealthIndicator(BatchWriter writer) {
        return () -> (writer.isStoreHealthy() ? Health.up() : Health.down()
                .withDetail("reason", "commits are failing; messages are held unacknowledged and retried"))
                .withDetail("circuitBreaker", writer.circuitBreaker().getState().name())
                .withDetail("inFlight", writer.inFlight())
                .build();
    }

    private static String defaultClientId() {
        try {
            return "aems-ingest-" + InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "aems-ingest";
        }
    }
}
