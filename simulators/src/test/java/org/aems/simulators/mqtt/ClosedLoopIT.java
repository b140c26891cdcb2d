package org.aems.simulators.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.aems.core.grid.DeviceId;
import org.aems.core.grid.SiteId;
import org.aems.core.telemetry.Command;
import org.aems.core.telemetry.CommandAck;
import org.aems.core.telemetry.ControlCodec;
import org.aems.core.telemetry.DecodeResult;
import org.aems.core.telemetry.Quantity;
import org.aems.core.telemetry.Reading;
import org.aems.core.telemetry.TelemetryCodec;
import org.aems.core.telemetry.TelemetryMessage;
import org.aems.core.telemetry.Topics;
import org.aems.simulators.BundledRegions;
import org.aems.simulators.Simulation;
import org.aems.simulators.SimulationSettings;
import org.aems.simulators.fault.FaultRates;
import org.aems.simulators.site.PhysicsOptions;
import org.aems.simulators.weather.Sky;
import org.aems.testing.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The simulator against a real broker: commands in, acknowledgements and changed telemetry out. #4 */
class ClosedLoopIT {

    private static final SiteId HOME = SiteId.of("demo-001");
    private static final Duration INTERVAL = Duration.ofMillis(500);
    private static final double SPEED = 120; // one simulated minute per publish
    private static final BlockingQueue<TelemetryMessage> telemetry = new LinkedBlockingQueue<>();
    private static final BlockingQueue<CommandAck> acks = new LinkedBlockingQueue<>();
    private static Simulation simulation;
    private static MqttLink platform;

    @BeforeAll
    static void start() throws Exception {
        String url = TestInfrastructure.mqttUrl();
        // Plays the platform: MqttLink's callback (Paho's MqttClient.subscribe with a listener recurses forever in 1.2.5).
        platform = new MqttLink(url, "closed-loop-it-" + System.nanoTime(), "aems-platform", null, null, (topic, payload) -> {
            if (topic.endsWith("/command-acks")) {
                acks.add(new ControlCodec().decodeAck(payload));
            } else if (new TelemetryCodec().decode(HOME, payload) instanceof DecodeResult.Decoded d) {
                telemetry.add(d.message());
            }
        }, () -> {
        });
        platform.awaitConnected(platform.connect(), 100);
        platform.subscribe(List.of(Topics.telemetry(HOME), Topics.commandAcks(HOME)));
        Instant noon = OffsetDateTime.parse("2026-05-12T12:00:00+09:00").toInstant();
        simulation = new Simulation(BundledRegions.scenario("demo"), new SimulationSettings(url, 5, INTERVAL, SPEED, noon, 42, 0,
                FaultRates.NONE, Optional.empty(), Optional.of(Sky.CLEAR), Optional.empty(), PhysicsOptions.DEFAULT, Optional.empty()), Clock.systemUTC());
        simulation.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (simulation != null) {
            simulation.close();
        }
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void aBatterySetpointChangesThatBatterysTelemetryWithinOnePublishIntervalOfSimulatedTime() throws Exception {
        Instant now = simulation.simulatedNow();
        send(new Command("it-setpoint-1", HOME, DeviceId.of("bat-1"), Command.Action.SET_POWER, BigDecimal.valueOf(-2_000), now,
                now.plus(Duration.ofMinutes(30)), now));
        CommandAck ack = awaitAck("it-setpoint-1");
        assertThat(ack.status()).isEqualTo(CommandAck.Status.ACCEPTED);
        Duration step = Duration.ofMillis(Math.round(INTERVAL.toMillis() * SPEED));
        TelemetryMessage after = firstTelemetryAfter(ack.at());
        assertThat(Duration.between(ack.at(), after.sentAt())).isLessThanOrEqualTo(step);
        assertThat(value(after, "bat-1", Quantity.BATTERY_POWER)).isEqualTo(-2_000.0);
        assertThat(value(after, "bat-1", Quantity.DEVICE_COMMANDED)).isEqualTo(1.0);
    }

    @Test
    void aRefusedCommandComesBackWithItsReason() throws Exception {
        Instant now = simulation.simulatedNow();
        send(new Command("it-refused-1", HOME, DeviceId.of("bat-1"), Command.Action.SET_POWER, BigDecimal.valueOf(5_000), now,
                now.plus(Duration.ofMinutes(30)), now));
        CommandAck ack = awaitAck("it-refused-1");
        assertThat(ack.status()).isEqualTo(CommandAck.Status.REJECTED);
        assertThat(ack.reason()).isEqualTo("setpoint 5000 W above the battery's 3000 W charge rating");
    }

    private static void send(Command command) throws Exception {
        assertThat(platform.publish(Topics.commands(command.siteId()), new ControlCodec().encode(command), false)).isTrue();
    }

    private static CommandAck awaitAck(String commandId) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            CommandAck ack = acks.poll(200, TimeUnit.MILLISECONDS);
            if (ack != null && ack.commandId().equals(commandId)) {
                return ack;
            }
        }
        throw new AssertionError("no acknowledgement of " + commandId + " within 10 s");
    }

    private static TelemetryMessage firstTelemetryAfter(Instant at) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            TelemetryMessage m = telemetry.poll(200, TimeUnit.MILLISECONDS);
            if (m != null && m.sentAt().isAfter(at)) {
                return m;
            }
        }
        throw new AssertionError("no telemetry after " + at + " within 10 s");
    }

    private static double value(TelemetryMessage message, String device, Quantity quantity) {
        return message.readings().stream().filter(r -> r.device().value().equals(device) && r.quantity() == quantity)
                .mapToDouble(Reading::value).findFirst().orElseThrow();
    }
}
