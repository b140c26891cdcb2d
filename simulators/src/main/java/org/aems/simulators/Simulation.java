package org.aems.simulators;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.aems.core.grid.Region;
import org.aems.core.grid.SiteId;
import org.aems.core.telemetry.ControlCodec;
import org.aems.core.telemetry.GatewayStatus;
import org.aems.core.telemetry.Topics;
import org.aems.simulators.ev.EvModel;
import org.aems.simulators.meter.RegisterMemory;
import org.aems.simulators.mqtt.BrokerLogin;
import org.aems.simulators.mqtt.MqttLink;
import org.aems.simulators.mqtt.RunStats;
import org.aems.simulators.mqtt.SimulatedGateway;
import org.aems.simulators.region.RegionModel;
import org.aems.simulators.scenario.Scenario;
import org.aems.simulators.site.SiteModel;
import org.aems.simulators.site.SiteStep;
import org.aems.simulators.site.StepContext;
import org.aems.simulators.truth.GroundTruth;
import org.aems.simulators.weather.ReplayedWeather;
import org.aems.simulators.weather.Sky;
import org.aems.simulators.weather.Weather;
import org.aems.simulators.weather.WeatherSource;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays a region over MQTT. One simulated clock: tick k happens k publish intervals after the start (wall
 * time) and covers the simulated step ending at {@code start + k × interval × speed}; every site steps
 * and publishes once per tick. Commands are received on the sites' commands topics and answered at once
 * with the simulated time of their arrival. {@link #close()} stops it, says OFFLINE for every gateway and
 * logs the summary.
 */
public final class Simulation implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Simulation.class);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);
    private static final int DEDICATED_UP_TO = 100;
    private static final int POOLED_CONNECTIONS = 16;
    private static final int MAX_WINDOW = 1_000;

    private final Scenario scenario;
    private final SimulationSettings settings;
    private final Clock wallClock;
    private final Optional<BrokerLogin> login;
    private final Map<LocalDate, Sky> forcedDays;
    private final RunStats stats = new RunStats();
    private final List<SimulatedGateway> gateways = new ArrayList<>();
    private final List<MqttLink> links = new ArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private RegionModel model;
    private GroundTruth truth;
    private RegisterMemory registers;
    private ScheduledExecutorService scheduler;
    private ExecutorService commandThread;
    private SimulatedTimeline timeline;
    private Instant wallStart;
    private volatile long tick;
    private volatile Instant playedUntil;
    private Instant lastProgress;
    private long lastProgressMessages;

    public Simulation(Scenario scenario, SimulationSettings settings, Clock wallClock) {
        this(scenario, settings, wallClock, Optional.empty());
    }

    /**
     * With {@code login}, every connection authenticates as the simulator's account (a broker that checks passwords,
     * ADR 0017); without, a dedicated connection uses its site id as username and no password, as before.
     */
    public Simulation(Scenario scenario, SimulationSettings settings, Clock wallClock, Optional<BrokerLogin> login) {
        this(scenario, settings, wallClock, login, Map.of());
    }

    /**
     * @param forcedDays with the seeded weather (no {@code sky} in the settings): these days get the sky given, the
     *                   others the seed's (an evaluation's sunny day after a fortnight of ordinary weather)
     */
    public Simulation(Scenario scenario, SimulationSettings settings, Clock wallClock, Optional<BrokerLogin> login,
                      Map<LocalDate, Sky> forcedDays) {
        this.scenario = scenario;
        this.settings = settings;
        this.wallClock = wallClock;
        this.login = login;
        this.forcedDays = Map.copyOf(forcedDays);
    }

    /** A region file read without its simulation sections: every site behaves as the default of its kind. */
    public Simulation(Region region, SimulationSettings settings, Clock wallClock) {
        this(Scenario.withDefaults(region), settings, wallClock);
    }

    /** Connects every gateway and starts publishing; returns when all are connected and subscribed. */
    public void start() throws MqttException {
        Weather seeded = settings.sky().map(sky -> new Weather(settings.seed(), sky))
                .orElseGet(() -> new Weather(settings.seed(), forcedDays));
        WeatherSource weather = settings.replay().<WeatherSource>map(record -> new ReplayedWeather(record, seeded)).orElse(seeded);
        model = new RegionModel(scenario, settings.maxSites(), settings.seed(), weather, settings.physics());
        truth = settings.truth().map(GroundTruth::new).orElse(null);
        List<SiteModel> sites = model.sites();
        registers = settings.registers().map(RegisterMemory::new).orElse(null);
        if (registers != null) {
            Map<String, Double> memory = registers.load();
            int resumed = sites.stream().mapToInt(site -> site.resume(memory)).sum();
            log.info("simulated registers {} [file: {}, registers: {}]", memory.isEmpty() ? "start at their seeded values"
                    : "resume where the last run left them", registers.file(), resumed);
        }
        int connections = settings.connections() > 0 ? Math.min(settings.connections(), sites.size())
                : sites.size() <= DEDICATED_UP_TO ? sites.size() : POOLED_CONNECTIONS;
        boolean dedicated = connections == sites.size();
        commandThread = Executors.newSingleThreadExecutor(daemon("aems-simulator-commands"));
        Map<SiteId, SimulatedGateway> bySite = new HashMap<>();
        List<List<SimulatedGateway>> perLink = new ArrayList<>();
        ControlCodec control = new ControlCodec();
        // In every client id: two simulators on one broker (two test runs, a rehearsal next to a test) must not take each
        // other's connections over, which MQTT does to a second client with the same id. Sessions start clean, so a
        // new id per run leaves nothing behind on the broker.
        String run = Long.toString(System.nanoTime() % 1_000_000, 36);
        for (int i = 0; i < connections; i++) {
            List<SimulatedGateway> mine = new ArrayList<>();
            perLink.add(mine);
            SiteId first = sites.get(i).site().id();
            MqttLink link = dedicated
                    // Dedicated: the site's own connection, username and Last Will, exactly as docs/protocol.md.
                    ? new MqttLink(settings.brokerUrl(), "aems-sim-" + run + "-" + first.value(), login.map(BrokerLogin::username).orElse(first.value()),
                    login.map(BrokerLogin::password).orElse(null), Topics.status(first),
                    control.encode(new GatewayStatus(first, GatewayStatus.State.OFFLINE, settings.start())),
                    (topic, payload) -> dispatch(bySite, topic, payload), () -> lost(mine))
                    // Pooled: one connection for many sites; no per-site Last Will is possible, so the
                    // simulator publishes OFFLINE itself on a clean stop and for simulated outages.
                    : new MqttLink(settings.brokerUrl(), "aems-sim-pool-" + run + "-" + i, login.map(BrokerLogin::username).orElse("aems-simulator"),
                    login.map(BrokerLogin::password).orElse(null), null, null,
                    (topic, payload) -> dispatch(bySite, topic, payload), () -> lost(mine));
            links.add(link);
        }
        for (int i = 0; i < sites.size(); i++) {
            SimulatedGateway gateway = new SimulatedGateway(sites.get(i), links.get(i % connections), settings.faults(),
                    settings.seed(), stats, truth, this::simulatedNow);
            gateways.add(gateway);
            perLink.get(i % connections).add(gateway);
            bySite.put(gateway.site(), gateway);
        }
        List<IMqttToken> connecting = new ArrayList<>();
        for (MqttLink link : links) {
            connecting.add(link.connect());
        }
        for (int i = 0; i < links.size(); i++) {
            links.get(i).awaitConnected(connecting.get(i), MAX_WINDOW);
            links.get(i).subscribe(perLink.get(i).stream().map(g -> Topics.commands(g.site())).toList());
        }
        timeline = new SimulatedTimeline(settings.start(), settings.step(), settings.speed(), settings.catchUp());
        wallStart = wallClock.instant();
        lastProgress = wallStart;
        try {
            for (SimulatedGateway gateway : gateways) {
                gateway.announce(GatewayStatus.State.ONLINE, settings.start());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        log.info("simulating region {} [sites: {}, broker: {}, connections: {} ({}), publish window: {}, interval: {}, "
                        + "speed: x{}{}, step: {}, start: {}, seed: {}, faults: {}, truth: {}]", scenario.region().id(), sites.size(),
                settings.brokerUrl(), connections, dedicated ? "one per site" : "shared", links.get(0).windowSize(),
                settings.interval(), settings.speed(), settings.catchUp() ? " until it reaches the wall clock, then x1" : "",
                settings.step(), settings.start(), settings.seed(),
                settings.faults().any() ? settings.faults() : "none", settings.truth().map(Object::toString).orElse("off"));
        scheduler = Executors.newSingleThreadScheduledExecutor(daemon("aems-simulator"));
        scheduler.scheduleAtFixedRate(this::tick, settings.interval().toMillis(), settings.interval().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /**
     * Simulated time now, between ticks too: the start plus the wall time elapsed times the speed (with catch-up, never
     * past the wall clock).
     */
    public Instant simulatedNow() {
        return timeline.now(wallStart, wallClock.instant());
    }

    /** Telemetry messages published so far (without duplicates, status, acks and malformed extras). */
    public long messagesPublished() {
        return stats.telemetry.get();
    }

    public RunStats stats() {
        return stats;
    }

    public int sites() {
        return gateways.size();
    }

    /**
     * The shared vehicles, keyed {@code siteId/chargerId}: for a harness that plays the car-sharing system's side (their
     * trips as bookings). Read them only while no step runs, e.g. once {@link #simulatedTime()} has reached a wanted time.
     */
    public Map<String, EvModel> vehicles() {
        Map<String, EvModel> out = new HashMap<>();
        gateways.forEach(g -> g.model().evsInto(out));
        return out;
    }

    /** Departures so far over all vehicles, and those that left with less than their member booked. */
    public int[] evDepartures() {
        return SiteModel.evDepartures(gateways.stream().map(SimulatedGateway::model).toList());
    }

    /**
     * Simulated end of the last step whose messages have all been published (handed to the MQTT client): once it has
     * reached a time, {@link #messagesPublished()} counts every telemetry message up to then. (It used to be the end of
     * the last step *begun*, so a harness waiting for it could read the message count before the step's messages, and
     * move on while they were still being published.)
     */
    public Instant simulatedTime() {
        Instant played = playedUntil;
        return played == null ? settings.start() : played;
    }

    private void tick() {
        try {
            Optional<SimulatedTimeline.Step> next = timeline.next(wallClock.instant());
            if (next.isEmpty()) {
                return; // caught up and the wall clock has not moved
            }
            long k = tick + 1;
            Instant to = next.get().to();
            StepContext ctx = model.context(to, next.get().length());
            // Physics in parallel (sites are independent and their randomness is hashed, so order does not
            // matter); publishing in site order.
            List<SiteStep> steps = gateways.parallelStream().map(g -> g.model().step(ctx)).toList();
            if (registers != null) {
                // Before publishing: no register value leaves the simulator that a restart would go back below.
                Map<String, Double> now = new HashMap<>();
                gateways.forEach(g -> g.model().registersInto(now));
                registers.save(now);
            }
            for (int i = 0; i < steps.size(); i++) {
                SiteStep s = steps.get(i);
                account(s, ctx.hours());
                if (truth != null) {
                    truth.step(s);
                }
                gateways.get(i).publish(s, k, next.get().length());
            }
            tick = k;
            playedUntil = to;
            progress(to);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("simulator tick failed at simulated {}", simulatedTime(), e);
        }
    }

    private void account(SiteStep s, double hours) {
        stats.pvWh.add(s.pvW() * hours);
        stats.loadWh.add(s.loadW() * hours);
        stats.importWh.add(Math.max(0, s.meterW()) * hours);
        stats.exportWh.add(Math.max(0, -s.meterW()) * hours);
        stats.batteryChargeWh.add(Math.max(0, s.batteryW()) * hours);
        stats.batteryDischargeWh.add(Math.max(0, -s.batteryW()) * hours);
        stats.evChargeWh.add(Math.max(0, s.evW()) * hours);
        stats.evDischargeWh.add(Math.max(0, -s.evW()) * hours);
        stats.fallbacks.addAndGet(s.fallbacks());
        if (s.meterReplaced()) {
            stats.meterReplacements.incrementAndGet();
        }
    }

    private void progress(Instant simulated) {
        Instant now = wallClock.instant();
        if (Duration.between(lastProgress, now).compareTo(PROGRESS_EVERY) < 0) {
            return;
        }
        long messages = stats.messages();
        double rate = (messages - lastProgressMessages) * 1000.0 / Math.max(1, Duration.between(lastProgress, now).toMillis());
        log.info(String.format(Locale.ROOT, "simulator progress [simulated: %s, messages: %d (%.0f msg/s), failed: %d, "
                        + "commands: %d accepted, %d rejected, fallbacks: %d, faults: %d]", simulated, messages, rate,
                stats.failed.get(), stats.commandsAccepted.get(), stats.commandsRejected.get(), stats.fallbacks.get(),
                stats.faults.get()));
        lastProgress = now;
        lastProgressMessages = messages;
    }

    private void dispatch(Map<SiteId, SimulatedGateway> bySite, String topic, byte[] payload) {
        SimulatedGateway gateway = Topics.siteOf(topic).map(bySite::get).orElse(null);
        if (gateway == null || commandThread.isShutdown()) {
            return;
        }
        // Off Paho's callback thread: acknowledging publishes, and publish completions run on that thread.
        commandThread.execute(() -> {
            try {
                gateway.onCommand(payload);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                log.warn("command for {} failed: {}", gateway.site(), e.getMessage());
            }
        });
    }

    private void lost(List<SimulatedGateway> onLink) {
        if (closed.get() || wallStart == null) {
            return;
        }
        Instant at = simulatedNow();
        log.warn("MQTT connection lost; {} sites fall back to their default modes", onLink.size());
        for (SimulatedGateway gateway : onLink) {
            gateway.linkLost(at);
        }
    }

    /** The end-of-run summary: messages, commands, faults and energy totals. */
    public String summary() {
        Duration wall = wallStart == null ? Duration.ZERO : Duration.between(wallStart, wallClock.instant());
        double seconds = Math.max(0.001, wall.toMillis() / 1000.0);
        return String.format(Locale.ROOT, """
                        simulation summary [region: %s, sites: %d]
                          simulated: %s .. %s (%d steps of %s), wall: %.1f s
                          messages: %d sent (%.0f msg/s), telemetry %d, other (status, acks, malformed) %d, failed %d
                          commands: %d received, %d accepted, %d rejected, %d malformed, %d missed while offline; fallbacks to default mode: %d
                          faults injected: %d, meter replacements: %d
                          energy: PV %.1f kWh, load %.1f kWh, import %.1f kWh, export %.1f kWh, battery +%.1f/-%.1f kWh, EV +%.1f/-%.1f kWh
                          peak heap: %d MB""",
                scenario.region().id(), gateways.size(), settings.start(), simulatedTime(), tick, settings.step(), seconds,
                stats.messages(), stats.messages() / seconds, stats.telemetry.get(), stats.otherMessages.get(),
                stats.failed.get() + links.stream().mapToLong(MqttLink::failed).sum(),
                stats.commandsReceived.get(), stats.commandsAccepted.get(), stats.commandsRejected.get(),
                stats.commandsMalformed.get(), stats.commandsMissed.get(), stats.fallbacks.get(), stats.faults.get(),
                stats.meterReplacements.get(), stats.pvWh.sum() / 1000, stats.loadWh.sum() / 1000, stats.importWh.sum() / 1000,
                stats.exportWh.sum() / 1000, stats.batteryChargeWh.sum() / 1000, stats.batteryDischargeWh.sum() / 1000,
                stats.evChargeWh.sum() / 1000, stats.evDischargeWh.sum() / 1000, peakHeapMegabytes());
    }

    /** Peak heap use so far, summed over the heap pools' peaks (an upper bound), MB. */
    public static long peakHeapMegabytes() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / (1024 * 1024);
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (scheduler != null) {
            scheduler.shutdownNow();
            try {
                scheduler.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (commandThread != null) {
            commandThread.shutdown();
        }
        try {
            // A clean shutdown says OFFLINE itself; the Last Will covers the unclean ones.
            for (SimulatedGateway gateway : gateways) {
                if (links.get(0).connected()) {
                    gateway.announce(GatewayStatus.State.OFFLINE, simulatedNow());
                }
            }
            for (MqttLink link : links) {
                link.drain(5_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeAll(links);
        if (truth != null) {
            truth.close();
        }
        log.info(summary());
    }

    /**
     * Side by side: Paho (1.2.5) sleeps 100 ms in every disconnect, so closing the demo's 50 links one after the other
     * took 5 s of every stop (and of the app's Ctrl-C).
     */
    private static void closeAll(List<MqttLink> links) {
        ExecutorService closing = Executors.newFixedThreadPool(Math.max(1, Math.min(links.size(), 64)), daemon("aems-simulator-close"));
        links.forEach(link -> closing.execute(link::close));
        closing.shutdown();
        try {
            if (!closing.awaitTermination(10, TimeUnit.SECONDS)) {
                log.warn("not every MQTT connection of the simulator closed within 10 s; leaving them to the broker's keep-alive");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
