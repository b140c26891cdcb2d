package org.aems.api.plan;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.Optional;
import org.aems.api.settlement.SeriesStore;
import org.aems.core.series.SeriesId;
import org.aems.optimizer.config.PlanRecordsAutoConfiguration;
import org.aems.optimizer.runtime.SlotPrices;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * With {@code aems.optimizer.prices.purchase-series} set, plans and the balancing plan are priced from the
 * platform's versioned series instead of the configured hourly curve (which stays the fallback).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "aems.optimizer.prices", name = "purchase-series")
class SeriesPricesConfiguration {

    @Bean
    SlotPrices seriesSlotPrices(SeriesStore store, Environment environment, Clock clock, ObjectProvider<MeterRegistry> metrics) {
        return new SeriesSlotPrices(store, new SeriesId(environment.getRequiredProperty("aems.optimizer.prices.purchase-series")),
                Optional.ofNullable(environment.getProperty("aems.optimizer.prices.imbalance-series")).filter(s -> !s.isBlank()).map(SeriesId::new),
                PlanRecordsAutoConfiguration.timeOfDayPrices(environment), clock, metrics.getIfAvailable(SimpleMeterRegistry::new));
    }
}
