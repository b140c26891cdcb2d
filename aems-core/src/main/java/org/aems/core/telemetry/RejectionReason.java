package org.aems.core.telemetry;

/**
 * Stable reason codes for refused messages and rejected readings. Codes are part of the public
 * contract (docs/protocol.md, metrics tag {@code reason}, rejection records): add new ones, never
 * rename or reuse one.
 */
public enum RejectionReason {
    /** The payload exceeds {@link TelemetryLimits#MAX_PAYLOAD_BYTES}; refused before parsing. */
    PAYLOAD_TOO_LARGE(Scope.MESSAGE),
    /** The payload is not a JSON object (checked cheaply on the first byte, then by the parser). */
    NOT_JSON(Scope.MESSAGE),
    /** The {@code schema} field is missing or names a schema this server does not speak. */
    UNKNOWN_SCHEMA(Scope.MESSAGE),
    /** A message-level field is missing or has the wrong type or format. */
    MALFORMED_MESSAGE(Scope.MESSAGE),
    /** More readings than {@link TelemetryLimits#MAX_READINGS} in one message. */
    TOO_MANY_READINGS(Scope.MESSAGE),
    /** The topic names a different site than the payload's {@code siteId}. */
    SITE_MISMATCH(Scope.MESSAGE),
    /** The site is not in the registry (import it first). */
    UNKNOWN_SITE(Scope.MESSAGE),
    /**
     * The broker says another gateway's account published it (user property {@code aems-publisher}, stamped by the
     * embedded broker): defence in depth behind the broker's ACL, which should have refused it already.
     */
    CREDENTIAL_MISMATCH(Scope.MESSAGE),
    /**
     * Ingest failed on this message for a reason of its own (a bug, not the gateway's data): refused with the payload kept,
     * so one such message cannot stop ingest. Report it; the payload can be replayed once fixed.
     */
    PROCESSING_FAILED(Scope.MESSAGE),
    /** A reading field is missing or has the wrong type. */
    INVALID_READING(Scope.READING),
    /** The {@code quantity} is not one of wire format v1's quantities. */
    UNKNOWN_QUANTITY(Scope.READING),
    /** The {@code unit} is not accepted for the quantity (e.g. "kWh" for a power). */
    UNIT_MISMATCH(Scope.READING),
    /** The value is outside the quantity's physical range (e.g. SoC above 100 %). */
    VALUE_OUT_OF_RANGE(Scope.READING),
    /** The timestamp is not ISO-8601 with an offset (e.g. "2026-05-12T12:00:00+09:00"). */
    INVALID_TIMESTAMP(Scope.READING),
    /** The timestamp is further in the future than the allowed clock skew. */
    TIMESTAMP_IN_FUTURE(Scope.READING),
    /** The timestamp is older than raw telemetry is kept. */
    TIMESTAMP_TOO_OLD(Scope.READING),
    /**
     * The device answered but had no measurement for the value: ECHONET Lite's "no data" special
     * value (0x7FFFFFFE signed, 0xFFFFFFFE unsigned), e.g. a 30-minute slot that has not happened yet.
     * Nothing is stored; it is recorded so that gaps have a cause.
     */
    NO_MEASUREMENT(Scope.READING),
    /**
     * An energy register arrived without the meter's unit (EPC 0xE1) and coefficient (0xD3), neither
     * in the same ECHONET Lite frame nor remembered from an earlier one, so it cannot be turned into Wh.
     */
    SCALE_UNKNOWN(Scope.READING),
    /**
     * A raw ECHONET Lite frame cannot be used as a whole: malformed (truncated, PDC past the end,
     * trailing bytes, OPC 0, not hex), not format 1 (EHD 0x1081), a service (ESV) that carries no
     * meter data, or not sent by a low-voltage smart meter (class 0x0288). Inside an
     * {@code aems.echonet.v1} message it refuses that frame only; the other frames are decoded.
     */
    ECHONET_MALFORMED(Scope.MESSAGE),
    /**
     * A cumulative register (import, export, PV energy) is lower than the same register's previous
     * value, and neither a rollover near the meter's wrap value nor a meter replacement (restart near
     * zero) explains it. Found when the reading is committed, against the stored history.
     */
    REGISTER_DECREASED(Scope.READING);

    /** Whether the reason refuses the whole message or a single reading in it. */
    public enum Scope { MESSAGE, READING }

    private final Scope scope;

    RejectionReason(Scope scope) {
        this.scope = scope;
    }

    public Scope scope() {
        return scope;
    }
}
