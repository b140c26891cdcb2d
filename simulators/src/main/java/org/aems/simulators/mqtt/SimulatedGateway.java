package org.aems.simulators.mqtt;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.aems.core.grid.SiteId;
import org.aems.core.telemetry.Command;
import org.aems.core.telemetry.CommandAck;
import org.aems.core.telemetry.ControlCodec;
import org.aems.core.telemetry.GatewayStatus;
import org.aems.core.telemetry.Reading;
import org.aems.core.telemetry.TelemetryCodec;
import org.aems.core.telemetry.TelemetryMessage;
import org.aems.core.telemetry.Topics;
import org.aems.simulators.fault.FaultKind;
import org.aems.simulators.fault.FaultRates;
import org.aems.simulators.random.Noise;
import org.aems.simulators.site.SiteModel;
import org.aems.simulators.site.SiteStep;
import org.aems.simulators.truth.GroundTruth;

/**
 * One site's gateway as a real one behaves on the wire (docs/protocol.md): telemetry at QoS 1 with a
 * message id derived from site and time (a re-send repeats it), commands executed or refused with a
 * reason on {@code command-acks}, retained ONLINE/OFFLINE status; and, at the rates asked for, the
 * faults of real gateways. Its MQTT connection may be its own or shared with other sites ({@link MqttLink}).
 *
 * <p>{@link #publish} runs on the simulation thread, {@link #onCommand} on the command thread.
 */
public final class SimulatedGateway {

    private static final long LATE = 21, DUPLICATE = 22, OUT_OF_ORDER = 23, MALFORMED = 24, SKEW = 25, OFFLINE = 26;

    private final SiteModel model;
    private final SiteId site;
    private final MqttLink link;
    private final FaultRates faults;
    private final long seed;
    private final long key;
    private final RunStats stats;
    private final GroundTruth truth;
    private final Supplier<Instant> simulatedNow;
    private final TelemetryCodec telemetry = new TelemetryCodec();
    private final ControlCodec control = new ControlCodec();
    private final Duration skew;
    private final List<Held> held = new ArrayList<>();
    private final List<byte[]> buffer = new ArrayList<>();
    private volatile Instant offlineUntil;

    private record Held(long releaseTick, byte[] payload) {
    }

    public SimulatedGateway(SiteModel model, MqttLink link, FaultRates faults, long seed, RunStats stats, GroundTruth truth,
                            Supplier<Instant> simulatedNow) {
        this.model = Objects.requireNonNull(model, "model");
        this.site = model.site().id();
        this.link = Objects.requireNonNull(link, "link");
        this.faults = Objects.requireNonNull(faults, "faults");
        this.seed = seed;
        this.key = Noise.key(site.value());
        this.stats = Objects.requireNonNull(stats, "stats");
        this.truth = truth;
        this.simulatedNow = Objects.requireNonNull(simulatedNow, "simulatedNow");
        if (Noise.uniform(seed, key, SKEW) < faults.skewedSites()) {
            double u = Noise.uniform(seed, key, SKEW + 100);
            long seconds = 30 + (long) (570 * u);
            this.skew = Duration.ofSeconds(Noise.uniform(seed, key, SKEW + 200) < 0.5 ? -seconds : seconds);
        } else {
            this.skew = Duration.ZERO;
        }
    }

    public SiteId site() {
        return site;
    }

    public SiteModel model() {
        return model;
    }

    /** The gateway's clock offset from true time (zero unless it is one of the skewed sites). */
    public Duration skew() {
        return skew;
    }

    public void announce(GatewayStatus.State state, Instant at) throws InterruptedException {
        send(Topics.status(site), control.encode(new GatewayStatus(site, state, at.plus(skew))), true);
        stats.otherMessages.incrementAndGet();
    }

    /** Publishes the step's readings, with faults drawn for this site and tick. */
    public void publish(SiteStep step, long tick, Duration stepLength) throws InterruptedException {
        Instant at = step.at();
        if (truth != null && tick == 1 && !skew.isZero()) {
            truth.fault(at, site, FaultKind.CLOCK_SKEW, skew.toString());
        }
        if (step.meterReplaced()) {
            fault(at, FaultKind.METER_REPLACED, "registers restarted at 0");
        }
        byte[] payload = encode(step);
        Instant back = offlineUntil;
        if (back == null && faults.offlinePerDay() > 0
                && Noise.uniform(seed, key ^ OFFLINE, tick) < faults.offlinePerDay() * stepLength.toMillis() / 86_400_000.0) {
            Duration out = Duration.ofMinutes(10 + (long) (110 * Noise.uniform(seed, key ^ OFFLINE, -tick)));
            offlineUntil = at.plus(out);
            model.connectionLost(at);
            fault(at, FaultKind.OFFLINE, "for " + out);
            announce(GatewayStatus.State.OFFLINE, at); // what the broker's Last Will would say
            back = offlineUntil;
        }
        if (back != null) {
            if (at.isBefore(back)) {
                buffer.add(payload);
                return;
            }
            offlineUntil = null;
            announce(GatewayStatus.State.ONLINE, at);
            fault(at, FaultKind.BACK_ONLINE, "backfill burst of " + buffer.size() + " messages");
            for (byte[] buffered : buffer) {
                sendTelemetry(buffered);
            }
            buffer.clear();
        }
        if (chance(LATE, tick, faults.late())) {
            held.add(new Held(tick + 2 + (long) (8 * Noise.uniform(seed, key ^ LATE, -tick)), payload));
            fault(at, FaultKind.LATE, "held back");
        } else if (chance(OUT_OF_ORDER, tick, faults.outOfOrder())) {
            held.add(new Held(tick + 1, payload));
            fault(at, FaultKind.OUT_OF_ORDER, "sent after the next message");
        } else {
            sendTelemetry(payload);
            if (chance(DUPLICATE, tick, faults.duplicate())) {
                sendTelemetry(payload);
                fault(at, FaultKind.DUPLICATE, "sent twice");
            }
        }
        if (chance(MALFORMED, tick, faults.malformed())) {
            send(Topics.telemetry(site), malformed(payload, tick), false);
            stats.otherMessages.incrementAndGet();
            fault(at, FaultKind.MALFORMED, "extra broken payload");
        }
        for (Iterator<Held> it = held.iterator(); it.hasNext(); ) {
            Held h = it.next();
            if (h.releaseTick() <= tick) {
                sendTelemetry(h.payload());
                it.remove();
            }
        }
    }

    /** Handles a payload from the site's commands topic: decode, execute or refuse, acknowledge. */
    public void onCommand(byte[] payload) throws InterruptedException {
        Instant now = simulatedNow.get();
        if (offlineUntil != null) {
            stats.commandsMissed.incrementAndGet();
            fault(now, FaultKind.COMMAND_MISSED, "command arrived while the gateway was offline");
            return;
        }
        Command command;
        try {
            command = control.decodeCommand(payload);
        } catch (IllegalArgumentException e) {
            // Without a readable commandId there is nothing to acknowledge; real gateways log and drop.
            stats.commandsMalformed.incrementAndGet();
            return;
        }
        stats.commandsReceived.incrementAndGet();
        CommandAck ack = model.handle(command, now);
        (ack.status() == CommandAck.Status.ACCEPTED ? stats.commandsAccepted : stats.commandsRejected).incrementAndGet();
        if (truth != null) {
            truth.command(now, command, ack);
        }
        send(Topics.commandAcks(site), control.encode(new CommandAck(ack.commandId(), ack.siteId(), ack.status(), ack.reason(),
                ack.at().plus(skew))), false);
        stats.otherMessages.incrementAndGet();
    }

    /** The shared connection dropped: every device of the site falls back to its default. */
    public void linkLost(Instant at) {
        model.connectionLost(at);
    }

    private byte[] encode(SiteStep step) {
        List<Reading> readings = step.readings();
        if (!skew.isZero()) {
            List<Reading> skewed = new ArrayList<>(readings.size());
            for (Reading r : readings) {
                skewed.add(new Reading(r.site(), r.device(), r.quantity(), r.timestamp().plus(skew), r.value()));
            }
            readings = skewed;
        }
        Instant sentAt = step.at().plus(skew);
        return telemetry.encode(new TelemetryMessage(site.value() + "-" + step.at().getEpochSecond(), site, sentAt, readings));
    }

    private byte[] malformed(byte[] payload, long tick) {
        String json = new String(payload, StandardCharsets.UTF_8).replace("\"messageId\":\"", "\"messageId\":\"x");
        return switch ((int) (Noise.uniform(seed, key ^ MALFORMED, -tick) * 3)) {
            case 0 -> json.substring(0, json.length() / 2).getBytes(StandardCharsets.UTF_8);
            case 1 -> json.replace(TelemetryMessage.SCHEMA, "aems.telemetry.v0").getBytes(StandardCharsets.UTF_8);
            default -> json.replace("\"readings\":", "\"readingz\":").getBytes(StandardCharsets.UTF_8);
        };
    }

    private boolean chance(long fault, long tick, double rate) {
        return rate > 0 && Noise.uniform(seed, key ^ fault, tick) < rate;
    }

    private void sendTelemetry(byte[] payload) throws InterruptedException {
        send(Topics.telemetry(site), payload, false);
        stats.telemetry.incrementAndGet();
    }

    private void send(String topic, byte[] payload, boolean retained) throws InterruptedException {
        if (!link.publish(topic, payload, retained)) {
            stats.failed.incrementAndGet();
        }
    }

    private void fault(Instant at, FaultKind kind, String detail) {
        stats.faults.incrementAndGet();
        if (truth != null) {
            truth.fault(at, site, kind, detail);
        }
    }
}
