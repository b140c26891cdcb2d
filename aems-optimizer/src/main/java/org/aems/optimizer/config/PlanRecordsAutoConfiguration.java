package org.aems.optimizer.config;

import javax.sql.DataSource;
import org.aems.optimizer.dispatch.CommandStore;
import org.aems.optimizer.ev.BookingStore;
import org.aems.optimizer.grid.CurtailmentOrderStore;
import org.aems.optimizer.island.IslandStore;
import org.aems.optimizer.forecast.ClearSky;
import org.aems.optimizer.forecast.ClearSkyPvForecaster;
import org.aems.optimizer.forecast.ProfileForecaster;
import org.aems.optimizer.plan.BalancingPlanQuery;
import org.aems.optimizer.plan.MarketPlanQuery;
import org.aems.optimizer.plan.MarketPlanStore;
import org.aems.optimizer.plan.PlanStore;
import org.aems.optimizer.runtime.SlotPrices;
import org.aems.optimizer.runtime.TimeOfDayPrices;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;

/**
 * Plans and commands as records, whether or not this instance plans: an API node of a cluster shows what
 * the optimizer instances decided and sent.
 */
@AutoConfiguration(afterName = "org.aems.ingest.config.StorageAutoConfiguration")
@ConditionalOnBean(DataSource.class)
public class PlanRecordsAutoConfiguration {

    @Bean
    CommandStore commandStore(DataSource dataSource) {
        return new CommandStore(dataSource);
    }

    @Bean
    PlanStore planStore(DataSource dataSource) {
        return new PlanStore(dataSource);
    }

    @Bean
    BookingStore bookingStore(DataSource dataSource) {
        return new BookingStore(dataSource);
    }

    @Bean
    CurtailmentOrderStore curtailmentOrderStore(DataSource dataSource) {
        return new CurtailmentOrderStore(dataSource);
    }

    @Bean
    IslandStore islandStore(DataSource dataSource) {
        return new IslandStore(dataSource);
    }

    @Bean
    BalancingPlanQuery balancingPlanQuery(DataSource dataSource) {
        return new BalancingPlanQuery(dataSource);
    }

    /** Where the region's sun is ({@code aems.location.latitude}/{@code longitude}, default Odawara): the PV forecasts' clear sky. */
    @Bean
    @ConditionalOnMissingBean(ClearSky.class)
    ClearSky regionSky(Environment environment) {
        Binder binder = Binder.get(environment);
        return ClearSky.of(binder.bind("aems.location.latitude", Double.class).orElse(null),
                binder.bind("aems.location.longitude", Double.class).orElse(null));
    }

    @Bean
    MarketPlanQuery marketPlanQuery(DataSource dataSource, SlotPrices prices, ClearSky regionSky) {
        return new MarketPlanQuery(dataSource, new ProfileForecaster(), new ClearSkyPvForecaster(regionSky), prices);
    }

    @Bean
    MarketPlanStore marketPlanStore(DataSource dataSource) {
        return new MarketPlanStore(dataSource);
    }

    /**
     * Prices by hour ({@code aems.optimizer.prices.*}); the application replaces them with its versioned JEPX series
     * when one is configured.
     */
    @Bean
    @ConditionalOnMissingBean(SlotPrices.class)
    SlotPrices optimizerPrices(Environment environment) {
        return timeOfDayPrices(environment);
    }

    /** The configured hourly prices (also the fallback for slots a series does not cover). */
    public static TimeOfDayPrices timeOfDayPrices(Environment environment) {
        return Binder.get(environment).bind("aems.optimizer.prices", TimeOfDayPrices.class).orElse(TimeOfDayPrices.DEFAULT);
    }
}
