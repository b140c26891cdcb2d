package org.aems.core.telemetry;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.aems.core.grid.SiteId;

/**
 * A gateway's batch of readings (schema {@value #SCHEMA}).
 *
 * @param messageId unique per gateway message; the same id re-sent is the same message
 * @param sentAt    the gateway's clock when it sent the message
 */
public record TelemetryMessage(String messageId, SiteId siteId, Instant sentAt, List<Reading> readings) {

    public static final String SCHEMA = "aems.telemetry.v1";

    public TelemetryMessage {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(sentAt, "sentAt");
        readings = List.copyOf(readings);
        if (messageId.isBlank() || messageId.length() > TelemetryLimits.MAX_MESSAGE_ID_LENGTH) {
            throw new IllegalArgumentException("messageId must have 1.." + TelemetryLimits.MAX_MESSAGE_ID_LENGTH
                    + " characters, had " + messageId.length());
        }
        for (Reading reading : readings) {
            if (!reading.site().equals(siteId)) {
                throw new IllegalArgumentException("reading of site " + reading.site() + " in a message of site " + siteId);
            }
        }
    }
}
