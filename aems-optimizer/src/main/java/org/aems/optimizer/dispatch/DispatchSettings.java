package org.aems.optimizer.dispatch;

import java.time.Duration;
import java.util.Objects;

/**
 * How the dispatcher reaches the gateways (prefix {@code aems.optimizer.dispatch}).
 *
 * @param url           broker URI, e.g. tcp://127.0.0.1:1883
 * @param clientId      unique per optimizer instance; default aems-dispatch-{host name}
 * @param sharedGroup   acknowledgements are read through this shared subscription, so N optimizer instances
 *                      split them and each is recorded once (any instance can record any command's answer)
 * @param ackTimeout    a SENT command without an answer for this long becomes NO_ACK (the protocol gives
 *                      gateways 10 s; the default allows for a slow broker)
 * @param sweepInterval how often pending commands are retried and unanswered ones timed out
 * @param maxInFlight   cap on QoS 1 publishes awaiting their PUBACK at once; the window used is the smaller of this
 *                      and four fifths of the Receive Maximum in the broker's CONNACK (1 = one at a time)
 */
public record DispatchSettings(String url, String clientId, String username, String password, String sharedGroup,
                               Duration ackTimeout, Duration sweepInterval, Integer maxInFlight) {

    /** Default cap of the publish window: a tuned broker (docker/mosquitto, Receive Maximum 1000) allows 800. */
    public static final int DEFAULT_MAX_IN_FLIGHT = 1_000;

    public DispatchSettings {
        Objects.requireNonNull(url, "aems.optimizer.dispatch.url must be set, e.g. tcp://127.0.0.1:1883");
        clientId = clientId == null ? "aems-dispatch-" + host() : clientId;
        sharedGroup = sharedGroup == null ? "aems-dispatch" : sharedGroup;
        ackTimeout = ackTimeout == null ? Duration.ofSeconds(30) : ackTimeout;
        sweepInterval = sweepInterval == null ? Duration.ofSeconds(5) : sweepInterval;
        maxInFlight = maxInFlight == null ? DEFAULT_MAX_IN_FLIGHT : maxInFlight;
        if (maxInFlight < 1 || maxInFlight > 65_535) {
            throw new IllegalArgumentException("aems.optimizer.dispatch.max-in-flight must be 1..65535 publishes (MQTT's Receive Maximum "
                    + "range), not " + maxInFlight);
        }
        if (ackTimeout.isNegative() || ackTimeout.isZero() || sweepInterval.isNegative() || sweepInterval.isZero()) {
            throw new IllegalArgumentException("aems.optimizer.dispatch.ack-timeout and sweep-interval must be positive");
        }
    }

    private static String host() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "local";
        }
    }

    @Override
    public String toString() {
        return "DispatchSettings[url=" + url + ", clientId=" + clientId + ", username=" + username + ", password="
                + (password == null ? "none" : "***") + ", sharedGroup=" + sharedGroup + ", ackTimeout=" + ackTimeout + ", maxInFlight=" + maxInFlight + "]";
    }
}
