package org.aems.api.config;

import java.time.Clock;
import java.util.Optional;
import org.aems.core.grid.Region;
import org.aems.ingest.config.IngestAutoConfiguration;
import org.aems.ingest.registry.ImportReport;
import org.aems.ingest.registry.RegistryStore;
import org.aems.simulators.BundledRegions;
import org.aems.simulators.Simulation;
import org.aems.simulators.scenario.Scenario;
import org.aems.simulators.SimulationSettings;
import org.aems.simulators.SimulatorCommand;
import org.aems.simulators.mqtt.BrokerLogin;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Runs the simulator inside the app (embedded default): imports its region into the registry, the
 * same file the simulator plays, then starts publishing after ingest has subscribed.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "aems.simulator", name = "enabled", havingValue = "true")
class SimulatorConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SimulatorConfiguration.class);

    @Bean
    SmartLifecycle simulatorLifecycle(SimulatorProperties properties, RegistryStore registry, Clock clock) {
        return new SmartLifecycle() {
            private Simulation simulation;

            @Override
            public void start() {
                // The scenario, not only its region: per-site load profiles and behaviour come with it.
                Scenario scenario = BundledRegions.scenario(properties.region());
                Region region = scenario.region();
                if (properties.importRegion()) {
                    ImportReport report = registry.importRegion(region, clock.instant());
                    log.info("imported region {} into the registry [feeders: {}, sites: {}, assets: {}]", report.regionId(),
                            report.feeders(), report.sites(), report.assets());
                }
                SimulationSettings settings = new SimulationSettings(properties.brokerUrl(), properties.sites(),
                        properties.interval(), properties.speed(), start(properties.start()), properties.seed())
                        .withCatchUp(properties.catchUp());
                simulation = new Simulation(scenario, properties.registers() == null ? settings : settings.withRegisters(properties.registers()), clock,
                        Optional.ofNullable(properties.username()).map(u -> new BrokerLogin(u, properties.password())));
                try {
                    simulation.start();
                } catch (MqttException e) {
                    throw new IllegalStateException("the simulator cannot connect to " + properties.brokerUrl() + ": "
                            + e.getMessage() + "; set aems.simulator.broker-url", e);
                }
            }

            private java.time.Instant start(String text) {
                if (text == null) {
                    return clock.instant();
                }
                try {
                    return SimulatorCommand.parseStart(text);
                } catch (java.time.format.DateTimeParseException e) {
                    throw new IllegalStateException("aems.simulator.start must be a JST date such as 2026-05-12 or ISO-8601 with an"
                            + " offset such as 2026-05-12T09:00:00+09:00, was '" + text + "'", e);
                }
            }

            @Override
            public void stop() {
                if (simulation != null) {
                    simulation.close();
                    simulation = null;
                }
            }

            @Override
            public boolean isRunning() {
                return simulation != null;
            }

            @Override
            public int getPhase() {
                return IngestAutoConfiguration.PHASE + 100;
            }
        };
    }
}
