package org.aems.core.telemetry;

import java.time.Instant;
import java.util.Objects;
import org.aems.core.grid.SiteId;

/**
 * A gateway's answer to a {@link Command} on {@code aems/v1/sites/{siteId}/command-acks} (schema {@value #SCHEMA}).
 *
 * @param reason why a command was rejected or failed, for the operator; empty when accepted
 */
public record CommandAck(String commandId, SiteId siteId, Status status, String reason, Instant at) {

    public static final String SCHEMA = "aems.command-ack.v1";

    public enum Status {
        /** The gateway will execute the command. */
        ACCEPTED,
        /** The command is impossible for this device (e.g. above its rating, EV not plugged); see reason. */
        REJECTED,
        /** The command was accepted but could not be carried out; see reason. */
        FAILED
    }

    public CommandAck {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(at, "at");
        if (status != Status.ACCEPTED && reason.isBlank()) {
            throw new IllegalArgumentException("a " + status + " acknowledgement must give a reason");
        }
    }
}
