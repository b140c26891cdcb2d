package org.aems.simulators.mqtt;

import java.time.Instant;
import java.util.List;
import org.aems.core.grid.SiteId;
import org.aems.core.telemetry.ControlCodec;
import org.aems.core.telemetry.GatewayStatus;
import org.aems.core.telemetry.Reading;
import org.aems.core.telemetry.TelemetryCodec;
import org.aems.core.telemetry.TelemetryMessage;
import org.aems.core.telemetry.Topics;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/**
 * One site's gateway as a real one behaves on the wire (docs/protocol.md): MQTT username = site id,
 * Last Will = retained OFFLINE status, retained ONLINE status after connecting, telemetry at QoS 1.
 */
public final class SimulatedGateway implements AutoCloseable {

    private final SiteId site;
    private final MqttAsyncClient client;
    private final TelemetryCodec telemetry = new TelemetryCodec();
    private final ControlCodec control = new ControlCodec();

    private final IMqttToken connecting;
    private final Instant connectedAt;

    /** Starts connecting; call {@link #awaitOnline()} before publishing, so a fleet connects in parallel. */
    public SimulatedGateway(String brokerUrl, SiteId site, String password, Instant now) throws MqttException {
        this.site = site;
        this.connectedAt = now;
        this.client = new MqttAsyncClient(brokerUrl, "aems-sim-" + site.value(), new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setAutomaticReconnect(true);
        options.setUserName(site.value());
        if (password != null) {
            options.setPassword(password.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        MqttMessage will = new MqttMessage(control.encode(new GatewayStatus(site, GatewayStatus.State.OFFLINE, now)), 1, true, null);
        options.setWill(Topics.status(site), will);
        connecting = client.connect(options);
    }

    /** Waits for the connection and announces the gateway ONLINE (retained). */
    public void awaitOnline() throws MqttException {
        connecting.waitForCompletion(10_000);
        client.publish(Topics.status(site), control.encode(new GatewayStatus(site, GatewayStatus.State.ONLINE, connectedAt)),
                1, true);
    }

    public SiteId site() {
        return site;
    }

    /** Publishes one telemetry message; its id is derived from the site and time, so a re-send repeats it. */
    public void publish(Instant at, List<Reading> readings) throws MqttException {
        String messageId = site.value() + "-" + at.getEpochSecond();
        byte[] payload = telemetry.encode(new TelemetryMessage(messageId, site, at, readings));
        client.publish(Topics.telemetry(site), payload, 1, false);
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            // A clean shutdown says OFFLINE itself; the Last Will covers the unclean ones.
            client.publish(Topics.status(site), control.encode(new GatewayStatus(site, GatewayStatus.State.OFFLINE,
                    Instant.now())), 1, true).waitForCompletion(1_000);
            client.disconnect().waitForCompletion(1_000);
        }
        client.close();
    }
}
