package org.aems.core.telemetry;

/** Hard limits of wire format v1 (docs/protocol.md, "Limits"). */
public final class TelemetryLimits {
    /** Largest accepted payload: 256 KiB, enough for 1,000 readings with long device ids. */
    public static final int MAX_PAYLOAD_BYTES = 256 * 1024;
    /** Most readings in one message; a gateway flushing a backlog sends several messages. */
    public static final int MAX_READINGS = 1000;
    /** Longest message id. */
    public static final int MAX_MESSAGE_ID_LENGTH = 64;

    private TelemetryLimits() {
    }
}
