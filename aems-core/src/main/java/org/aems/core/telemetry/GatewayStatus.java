package org.aems.core.telemetry;

import java.time.Instant;
import java.util.Objects;
import org.aems.core.grid.SiteId;

/**
 * Retained message on {@code aems/v1/sites/{siteId}/status} (schema {@value #SCHEMA}). A gateway
 * publishes {@link State#ONLINE} after connecting and registers {@link State#OFFLINE} as its Last Will.
 *
 * @param since when the state began, by the gateway's clock (for a Last Will: the connect time)
 */
public record GatewayStatus(SiteId siteId, State state, Instant since) {

    public static final String SCHEMA = "aems.status.v1";

    public enum State { ONLINE, OFFLINE }

    public GatewayStatus {
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(since, "since");
    }
}
