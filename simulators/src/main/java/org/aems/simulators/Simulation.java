package org.aems.simulators;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.aems.core.grid.Region;
import org.aems.core.grid.Site;
import org.aems.simulators.mqtt.SimulatedGateway;
import org.aems.simulators.site.SiteModel;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays a region: each site's model steps on a simulated clock and its gateway publishes the readings.
 * Runs on one scheduler thread; {@link #close()} stops it and says OFFLINE for every gateway.
 */
public final class Simulation implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Simulation.class);

    private final Region region;
    private final SimulationSettings settings;
    private final Clock wallClock;
    private final List<SiteModel> models = new ArrayList<>();
    private final List<SimulatedGateway> gateways = new ArrayList<>();
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicBoolean closed = new AtomicBoolean();
    private ScheduledExecutorService scheduler;
    private Instant wallStart;
    private Instant lastSimulated;

    public Simulation(Region region, SimulationSettings settings, Clock wallClock) {
        this.region = region;
        this.settings = settings;
        this.wallClock = wallClock;
    }

    /** Connects every gateway and starts publishing; returns when all are connected. */
    public void start() throws MqttException {
        List<Site> sites = region.sites();
        if (settings.maxSites() > 0 && settings.maxSites() < sites.size()) {
            sites = sites.subList(0, settings.maxSites());
        }
        wallStart = wallClock.instant();
        lastSimulated = settings.start();
        for (Site site : sites) {
            models.add(new SiteModel(site, settings.seed()));
            gateways.add(new SimulatedGateway(settings.brokerUrl(), site.id(), null, settings.start()));
        }
        for (SimulatedGateway gateway : gateways) {
            gateway.awaitOnline();
        }
        log.info("simulating region {} [sites: {}, broker: {}, interval: {}, speed: x{}, start: {}]", region.id(),
                sites.size(), settings.brokerUrl(), settings.interval(), settings.speed(), settings.start());
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "aems-simulator");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleAtFixedRate(this::tick, 0, settings.interval().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Simulated time now. */
    public Instant simulatedNow() {
        Duration wall = Duration.between(wallStart, wallClock.instant());
        return settings.start().plusMillis((long) (wall.toMillis() * settings.speed()));
    }

    public long messagesPublished() {
        return published.get();
    }

    public int sites() {
        return gateways.size();
    }

    private void tick() {
        Instant now = simulatedNow();
        Duration step = Duration.between(lastSimulated, now);
        lastSimulated = now;
        for (int i = 0; i < models.size(); i++) {
            try {
                gateways.get(i).publish(now, models.get(i).step(now, step));
                published.incrementAndGet();
            } catch (MqttException | RuntimeException e) {
                if (failed.incrementAndGet() % 100 == 1) {
                    log.warn("publishing failed [site-id: {}, failures so far: {}]: {}", models.get(i).site().id(), failed.get(),
                            e.getMessage());
                }
            }
        }
        long total = published.get();
        if (total > 0 && (total / Math.max(1, models.size())) % 60 == 0) {
            log.info("simulator progress [simulated time: {}, messages published: {}, failed: {}]", now, total, failed.get());
        }
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (scheduler != null) {
            scheduler.shutdownNow();
            try {
                scheduler.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (SimulatedGateway gateway : gateways) {
            try {
                gateway.close();
            } catch (MqttException e) {
                log.debug("closing gateway {} failed: {}", gateway.site(), e.getMessage());
            }
        }
        log.info("simulator stopped [messages published: {}, failed: {}]", published.get(), failed.get());
    }
}
