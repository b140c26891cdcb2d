package org.aems.optimizer.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.aems.core.alert.AlertSink;
import org.aems.core.time.Slot;
import org.aems.optimizer.dispatch.CommandStore;
import org.aems.optimizer.dispatch.DispatchSettings;
import org.aems.optimizer.dispatch.Dispatcher;
import org.aems.optimizer.forecast.ClearSky;
import org.aems.optimizer.forecast.ClearSkyPvForecaster;
import org.aems.optimizer.forecast.ProfileForecaster;
import org.aems.optimizer.island.IslandRound;
import org.aems.optimizer.island.IslandStore;
import org.aems.optimizer.jobs.JobQueue;
import org.aems.optimizer.model.AggregatingSolver;
import org.aems.optimizer.model.BankSolver;
import org.aems.optimizer.model.BaselinePlanner;
import org.aems.optimizer.model.Penalties;
import org.aems.optimizer.model.Planner;
import org.aems.optimizer.plan.PlanRetention;
import org.aems.optimizer.plan.PlanRetentionSettings;
import org.aems.optimizer.plan.PlanStore;
import org.aems.optimizer.runtime.BankInputsQuery;
import org.aems.optimizer.runtime.IntradayCorrection;
import org.aems.optimizer.runtime.OptimizerCycle;
import org.aems.optimizer.runtime.OptimizerSchedule;
import org.aems.optimizer.plan.MarketPlanProposer;
import org.aems.optimizer.plan.MarketPlanQuery;
import org.aems.optimizer.plan.MarketPlanStore;
import org.aems.optimizer.runtime.OptimizerSettings;
import org.aems.optimizer.runtime.ProblemBuilder;
import org.aems.optimizer.runtime.SlotPrices;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The optimizer role ({@code aems.optimizer.enabled}, default false): per-slot planning of every bank
 * through the job table, plans stored, setpoints dispatched, with health and metrics. The tables come with
 * this module's Flyway migrations (V10, V11), which the application's {@code classpath:db/migration} finds.
 */
@AutoConfiguration(after = PlanRecordsAutoConfiguration.class, afterName = "org.aems.ingest.config.StorageAutoConfiguration")
@ConditionalOnBean(DataSource.class)
@ConditionalOnProperty(prefix = "aems.optimizer", name = "enabled", havingValue = "true")
public class OptimizerAutoConfiguration {

    @Bean
    OptimizerSettings optimizerSettings(Environment environment) {
        return Binder.get(environment).bindOrCreate("aems.optimizer", OptimizerSettings.class);
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(prefix = "aems.optimizer", name = "dispatch", havingValue = "true", matchIfMissing = true)
    Dispatcher dispatcher(Environment environment, CommandStore store, ObjectProvider<MeterRegistry> metrics, Clock clock)
            throws MqttException {
        DispatchSettings settings = Binder.get(environment).bindOrCreate("aems.optimizer.dispatch", DispatchSettings.class);
        Dispatcher dispatcher = new Dispatcher(store, settings, metrics.getIfAvailable(SimpleMeterRegistry::new), clock);
        dispatcher.start();
        return dispatcher;
    }

    @Bean(destroyMethod = "shutdownNow")
    ExecutorService optimizerWorkers(OptimizerSettings settings) {
        return Executors.newFixedThreadPool(settings.workers(), r -> {
            Thread t = new Thread(r, "aems-optimizer");
            t.setDaemon(true);
            return t;
        });
    }

    @Bean
    OptimizerCycle optimizerCycle(OptimizerSettings settings, DataSource dataSource, CommandStore commands, PlanStore plans,
                                  ObjectProvider<Dispatcher> dispatcher, AlertSink alerts, ExecutorService optimizerWorkers,
                                  ObjectProvider<MeterRegistry> metrics, Clock clock, SlotPrices prices, IslandStore islands,
                                  ClearSky regionSky) {
        AggregatingSolver solver = new AggregatingSolver(new BankSolver("GLOP", settings.solveTimeLimit()));
        Planner planner = new Planner(problem -> solver.solve(problem).map(AggregatingSolver.Result::plan), new BaselinePlanner(), alerts,
                clock);
        return new OptimizerCycle(new BankInputsQuery(dataSource, settings.socMaxAge(), settings.historyDays()),
                new ProblemBuilder(new ProfileForecaster(), new ClearSkyPvForecaster(regionSky), prices, Penalties.DEFAULT,
                        IntradayCorrection.DEFAULT, settings.limitMargin()), planner, plans,
                new JobQueue(dataSource, "aems-optimizer-" + host(), settings.lease()), commands, Optional.ofNullable(dispatcher.getIfAvailable()),
                alerts, settings, optimizerWorkers, metrics.getIfAvailable(SimpleMeterRegistry::new), clock, islands,
                new IslandRound(dataSource, islands), regionSky);
    }

    @Bean(destroyMethod = "close")
    OptimizerSchedule optimizerSchedule(OptimizerCycle cycle, OptimizerSettings settings, Clock clock) {
        OptimizerSchedule schedule = new OptimizerSchedule(cycle, settings.delay(), clock);
        schedule.start();
        return schedule;
    }

    /** Tomorrow's market plan stored at 09:30 JST each day (the JEPX auction closes at 10:00). */
    @Bean(destroyMethod = "close")
    MarketPlanProposer marketPlanProposer(MarketPlanQuery query, MarketPlanStore store, Clock clock) {
        MarketPlanProposer proposer = new MarketPlanProposer(query, store, clock);
        proposer.start();
        return proposer;
    }

    /** Old plan versions purged every {@code aems.optimizer.plan-retention.interval}, the record's ones kept. */
    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(prefix = "aems.optimizer.plan-retention", name = "enabled", havingValue = "true", matchIfMissing = true)
    PlanRetention planRetention(Environment environment, DataSource dataSource, ObjectProvider<MeterRegistry> metrics, Clock clock) {
        PlanRetentionSettings settings = Binder.get(environment).bindOrCreate("aems.optimizer.plan-retention", PlanRetentionSettings.class);
        PlanRetention retention = new PlanRetention(dataSource, settings, metrics.getIfAvailable(SimpleMeterRegistry::new), clock);
        retention.start();
        return retention;
    }

    /** DOWN when no round finished in the last two slots (after a first slot of grace), or dispatch lost its broker. */
    @Bean
    HealthIndicator optimizerHealthIndicator(OptimizerCycle cycle, ObjectProvider<Dispatcher> dispatcher, Clock clock) {
        Instant started = clock.instant();
        return () -> {
            Instant now = clock.instant();
            Map<String, Object> details = new LinkedHashMap<>();
            Optional<Instant> last = cycle.lastRound();
            details.put("lastRound", last.map(Instant::toString).orElse("none yet"));
            Dispatcher d = dispatcher.getIfAvailable();
            details.put("dispatch", d == null ? "off" : d.connected() ? "connected" : "broker unreachable");
            Duration stale = Slot.DURATION.multipliedBy(2);
            boolean fresh = last.map(t -> t.isAfter(now.minus(stale))).orElse(started.isAfter(now.minus(stale)));
            boolean up = fresh && (d == null || d.connected());
            return (up ? Health.up() : Health.down()).withDetails(details).build();
        };
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "local";
        }
    }
}
