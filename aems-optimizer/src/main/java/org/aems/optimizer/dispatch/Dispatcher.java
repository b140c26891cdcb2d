package org.aems.optimizer.dispatch;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.aems.core.grid.SiteId;
import org.aems.core.telemetry.Command;
import org.aems.core.telemetry.CommandAck;
import org.aems.core.telemetry.ControlCodec;
import org.aems.core.telemetry.Topics;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends commands to gateways and tracks their answers. Every command goes through the outbox
 * ({@link CommandStore}) first, then one thread publishes: so a plan survives a broker outage or a restart,
 * and a command id is never sent as two different commands. The same thread retries what is PENDING,
 * marks commands nobody could send in time EXPIRED and those nobody answered NO_ACK.
 *
 * <p>Publishing is windowed: up to {@link PublishWindow#sizeFor} publishes await their PUBACK at once (one at a
 * time took ~1–2 ms per command, ~15 s for the 2030 build-out); each command becomes SENT, with the time its
 * own PUBACK arrived, in batched updates. A pass ends when everything it published is answered, so the next
 * pass never publishes a command still in flight.
 */
public final class Dispatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    private static final Duration PUBACK_TIMEOUT = Duration.ofSeconds(10);
    private static final int SEND_BATCH = 5_000;
    /** PUBACKs recorded per UPDATE: SENT lags the PUBACK by at most this many publishes. */
    private static final int MARK_BATCH = 500;
    /** How often Paho's "too many publishes in progress" is retried for one command before the pass gives up. */
    private static final int TOO_MANY_RETRIES = 100;

    private final CommandStore store;
    private final DispatchSettings settings;
    private final Clock clock;
    private final CommandLink link;
    private final ControlCodec codec = new ControlCodec();
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "aems-dispatch");
        t.setDaemon(true);
        return t;
    });
    private final Map<CommandStatus, Counter> counted = new EnumMap<>(CommandStatus.class);
    private final Counter unknownAcks;
    private final PublishWindow window;
    /** Commands whose PUBACK arrived, with when: filled on Paho's callback thread, written by the worker. */
    private final ConcurrentLinkedQueue<CommandStore.Sent> pubacked = new ConcurrentLinkedQueue<>();
    private volatile boolean publishFailed;

    public Dispatcher(CommandStore store, DispatchSettings settings, MeterRegistry metrics, Clock clock) throws MqttException {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
        this.window = new PublishWindow(1);
        this.link = new CommandLink(settings, (topic, payload) -> worker.execute(() -> onAck(topic, payload)), this::brokerAllows);
        for (CommandStatus status : CommandStatus.values()) {
            counted.put(status, Counter.builder("aems.dispatch.commands").tag("status", status.name())
                    .description("Commands by what became of them (PENDING = stored)").register(metrics));
        }
        this.unknownAcks = Counter.builder("aems.dispatch.acks.unknown")
                .description("Acknowledgements of command ids this platform did not send to that site").register(metrics);
        metrics.gauge("aems.dispatch.connected", link, l -> l.connected() ? 1 : 0);
    }

    public void start() {
        link.start();
        long every = settings.sweepInterval().toMillis();
        worker.scheduleWithFixedDelay(this::sweepQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    public boolean connected() {
        return link.connected();
    }

    /**
     * Stores the commands and has them published. A command whose validity already ended, or whose setpoint
     * is not whole watts, is refused here with the reason; ids already stored are not sent again.
     *
     * @return how many commands were new
     */
    public int dispatch(List<Command> commands, String issuedBy, Optional<String> bank) {
        Instant now = clock.instant();
        for (Command c : commands) {
            if (!c.validUntil().isAfter(now)) {
                throw new IllegalArgumentException("command " + c.commandId() + " is valid only until " + c.validUntil()
                        + ", which has passed; plan it again for a future slot");
            }
            if (c.setpointWatts().stripTrailingZeros().scale() > 0) {
                throw new IllegalArgumentException("command " + c.commandId() + ": setpoint " + c.setpointWatts().toPlainString()
                        + " W must be whole watts");
            }
        }
        int added = store.savePending(commands, issuedBy, bank);
        counted.get(CommandStatus.PENDING).increment(added);
        worker.execute(this::sendPendingQuietly);
        return added;
    }

    /** Publishes what is pending, expires what can no longer be sent, times out what nobody answered. */
    void sweep() {
        Instant now = clock.instant();
        int expired = store.expirePending(now);
        if (expired > 0) {
            counted.get(CommandStatus.EXPIRED).increment(expired);
            log.warn("{} commands expired unsent: the broker did not take them before their validUntil", expired);
        }
        sendPending();
        int silent = store.markUnacknowledged(now.minus(settings.ackTimeout()),
                "no acknowledgement within " + settings.ackTimeout().toSeconds() + " s");
        if (silent > 0) {
            counted.get(CommandStatus.NO_ACK).increment(silent);
            log.warn("{} commands got no acknowledgement within {}; their sites are planned around until they answer", silent,
                    settings.ackTimeout());
        }
    }

    private void brokerAllows(int receiveMaximum) {
        int size = PublishWindow.sizeFor(receiveMaximum, settings.maxInFlight());
        window.reset(size);
        log.info("dispatch publishes up to {} commands at once (broker Receive Maximum {}, aems.optimizer.dispatch.max-in-flight {})", size,
                receiveMaximum, settings.maxInFlight());
    }

    /** The publish window in use: what the last CONNACK allows, capped by the settings. */
    int windowSize() {
        return window.limit();
    }

    private void sendPending() {
        recordPubacks();
        List<Command> pending;
        do {
            Instant now = clock.instant();
            pending = store.pendingValidAt(now, SEND_BATCH);
            publishFailed = false;
            boolean allLeft = publishAll(pending, now);
            boolean allAnswered = awaitInFlight();
            recordPubacks();
            if (!allLeft || !allAnswered || publishFailed) {
                return; // broker away or slow: what is still PENDING is retried by the next sweep
            }
        } while (pending.size() == SEND_BATCH);
    }

    /** Publishes in order while the window has room; false when the pass had to stop (the rest stays PENDING). */
    private boolean publishAll(List<Command> commands, Instant now) {
        try {
            for (Command command : commands) {
                if (publishFailed || !window.acquire(PUBACK_TIMEOUT)) {
                    return false;
                }
                if (!publishOne(command, now)) {
                    window.release();
                    return false;
                }
                if (pubacked.size() >= MARK_BATCH) {
                    recordPubacks();
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private boolean publishOne(Command command, Instant now) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return link.publish(command, now, this::pubackArrived);
            } catch (MqttException tooMany) {
                // Paho frees its count a little after the PUBACK callback; a window below the Receive Maximum
                // makes this rare. Wait for a PUBACK and try again.
                if (attempt >= TOO_MANY_RETRIES) {
                    log.warn("the broker connection refuses more publishes ({} in flight, window {}): pass stopped, the next sweep retries",
                            window.inFlight(), window.limit());
                    return false;
                }
                Thread.sleep(1);
            }
        }
    }

    private void pubackArrived(String commandId, boolean acknowledged) {
        if (acknowledged) {
            pubacked.add(new CommandStore.Sent(commandId, clock.instant()));
        } else {
            publishFailed = true;
        }
        window.release();
    }

    private boolean awaitInFlight() {
        try {
            return window.awaitEmpty(PUBACK_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Marks SENT what the broker has acknowledged so far (a late PUBACK from an earlier pass included). */
    private void recordPubacks() {
        List<CommandStore.Sent> batch = new java.util.ArrayList<>();
        for (CommandStore.Sent sent; (sent = pubacked.poll()) != null; ) {
            batch.add(sent);
        }
        if (!batch.isEmpty()) {
            store.markSent(batch);
            counted.get(CommandStatus.SENT).increment(batch.size());
        }
    }

    private void onAck(String topic, byte[] payload) {
        try {
            CommandAck ack = codec.decodeAck(payload);
            Optional<SiteId> topicSite = Topics.siteOf(topic);
            if (topicSite.isEmpty() || !topicSite.get().equals(ack.siteId())) {
                unknownAcks.increment();
                log.warn("acknowledgement of {} for site {} arrived on {}, another site's topic: ignored", ack.commandId(),
                        ack.siteId(), topic);
                return;
            }
            if (store.recordAck(ack, clock.instant())) {
                counted.get(CommandStatus.valueOf(ack.status().name())).increment();
                if (ack.status() != CommandAck.Status.ACCEPTED) {
                    log.info("site {} answered {} to {}: {}", ack.siteId(), ack.status(), ack.commandId(), ack.reason());
                }
            } else {
                unknownAcks.increment();
                log.warn("acknowledgement of unknown command {} from site {}: ignored", ack.commandId(), ack.siteId());
            }
        } catch (RuntimeException e) {
            unknownAcks.increment();
            log.warn("unreadable acknowledgement on {}: {}", topic, e.getMessage());
        }
    }

    private void sweepQuietly() {
        try {
            sweep();
        } catch (RuntimeException e) {
            log.error("dispatch sweep failed (retrying in {}): {}", settings.sweepInterval(), e.getMessage(), e);
        }
    }

    private void sendPendingQuietly() {
        try {
            sendPending();
        } catch (RuntimeException e) {
            log.error("sending pending commands failed (the next sweep retries): {}", e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        worker.shutdown();
        try {
            worker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        link.close();
    }
}
