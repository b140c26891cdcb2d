package org.aems.core.telemetry;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.aems.core.grid.DeviceId;
import org.aems.core.grid.SiteId;
import org.aems.core.time.Jst;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns MQTT telemetry payloads (wire format v1, docs/protocol.md) into readings or rejections with
 * stable reason codes, and readings back into payloads. Thread-safe.
 *
 * <p>Cheap checks come first ({@link JsonEnvelope}): size, then the first non-blank byte, and only
 * then the JSON parser. One bad reading never takes the rest of its message down.
 */
public final class TelemetryCodec {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * Decodes a payload received on {@code topic}.
     *
     * @param topicSite the site named in the topic; the payload must name the same site
     */
    public DecodeResult decode(SiteId topicSite, byte[] payload) {
        JsonEnvelope.Opening opening = JsonEnvelope.open(topicSite, payload, TelemetryMessage.SCHEMA, Topics::telemetry);
        if (opening instanceof JsonEnvelope.Refused refused) {
            return new DecodeResult.Refused(refused.rejection());
        }
        JsonEnvelope.Opened envelope = (JsonEnvelope.Opened) opening;
        SiteId site = envelope.site();
        Optional<Instant> sentAt = envelope.timestamp("sentAt");
        if (sentAt.isEmpty()) {
            return refuse(RejectionReason.MALFORMED_MESSAGE,
                    "field 'sentAt' must be an ISO-8601 timestamp with offset, e.g. 2026-05-12T12:00:05+09:00");
        }
        JsonNode readings = envelope.root().get("readings");
        if (!(readings instanceof ArrayNode array)) {
            return refuse(RejectionReason.MALFORMED_MESSAGE, "field 'readings' must be an array");
        }
        if (array.size() > TelemetryLimits.MAX_READINGS) {
            return refuse(RejectionReason.TOO_MANY_READINGS, "message has " + array.size() + " readings, limit is "
                    + TelemetryLimits.MAX_READINGS + "; split the batch into several messages");
        }
        List<Reading> accepted = new ArrayList<>(array.size());
        List<Rejection> rejected = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            ReadingDecoder.Outcome outcome = ReadingDecoder.parse(site, i, array.get(i));
            outcome.reading().ifPresent(accepted::add);
            outcome.rejection().ifPresent(rejected::add);
        }
        return new DecodeResult.Decoded(new TelemetryMessage(envelope.messageId(), site, sentAt.get(), accepted), rejected);
    }

    /** Encodes a message as wire format v1 JSON, timestamps in JST with their offset. */
    public byte[] encode(TelemetryMessage message) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schema", TelemetryMessage.SCHEMA);
        root.put("messageId", message.messageId());
        root.put("siteId", message.siteId().value());
        root.put("sentAt", format(message.sentAt()));
        ArrayNode readings = root.putArray("readings");
        for (Reading reading : message.readings()) {
            ObjectNode node = readings.addObject();
            node.put("device", reading.device().value());
            node.put("quantity", reading.quantity().wireName());
            double value = reading.value();
            if (value == Math.rint(value) && Math.abs(value) < 1e15) {
                node.put("value", (long) value);
            } else {
                node.put("value", value);
            }
            node.put("unit", reading.quantity().unit().symbol());
            node.put("ts", format(reading.timestamp()));
        }
        return JSON.writeValueAsBytes(root);
    }

    /** ISO-8601 with the JST offset, as the protocol's examples show it. */
    public static String format(Instant instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(Jst.ZONE).toOffsetDateTime());
    }

    static Optional<Instant> parseTimestamp(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static DecodeResult refuse(RejectionReason reason, String detail) {
        return new DecodeResult.Refused(Rejection.ofMessage(reason, detail));
    }

    /** Decodes one element of {@code readings}; a reading is either decoded or has exactly one problem. */
    private static final class ReadingDecoder {

        record Outcome(Optional<Reading> reading, Optional<Rejection> rejection) {
            static Outcome ok(Reading reading) {
                return new Outcome(Optional.of(reading), Optional.empty());
            }

            static Outcome fail(int index, RejectionReason reason, String detail) {
                return new Outcome(Optional.empty(), Optional.of(Rejection.ofReading(index, reason, detail)));
            }
        }

        static Outcome parse(SiteId site, int i, JsonNode node) {
            if (!(node instanceof ObjectNode)) {
                return Outcome.fail(i, RejectionReason.INVALID_READING, "reading must be a JSON object");
            }
            Optional<String> deviceText = JsonEnvelope.text(node, "device");
            if (deviceText.isEmpty()) {
                return Outcome.fail(i, RejectionReason.INVALID_READING, "field 'device' must be a string");
            }
            DeviceId device;
            try {
                device = DeviceId.of(deviceText.get());
            } catch (IllegalArgumentException e) {
                return Outcome.fail(i, RejectionReason.INVALID_READING, "field 'device': " + e.getMessage());
            }
            Optional<String> quantityText = JsonEnvelope.text(node, "quantity");
            if (quantityText.isEmpty()) {
                return Outcome.fail(i, RejectionReason.INVALID_READING, "field 'quantity' must be a string");
            }
            Optional<Quantity> quantity = Quantity.fromWireName(quantityText.get());
            if (quantity.isEmpty()) {
                return Outcome.fail(i, RejectionReason.UNKNOWN_QUANTITY, "quantity '" + quantityText.get()
                        + "' is not part of aems.telemetry.v1 (see docs/protocol.md, Quantities)");
            }
            Optional<String> unit = JsonEnvelope.text(node, "unit");
            if (unit.isEmpty()) {
                return Outcome.fail(i, RejectionReason.INVALID_READING, "field 'unit' must be a string");
            }
            JsonNode valueNode = node.get("value");
            BigDecimal raw;
            if (valueNode != null && valueNode.isNumber()) {
                raw = valueNode.decimalValue();
            } else if (valueNode != null && valueNode.isBoolean() && quantity.get() == Quantity.EV_PLUGGED) {
                raw = valueNode.booleanValue() ? BigDecimal.ONE : BigDecimal.ZERO;
            } else {
                return Outcome.fail(i, RejectionReason.INVALID_READING, "field 'value' must be a number");
            }
            Optional<BigDecimal> canonical = quantity.get().toCanonical(raw, unit.get());
            if (canonical.isEmpty()) {
                return Outcome.fail(i, RejectionReason.UNIT_MISMATCH, "unit '" + unit.get() + "' is not accepted for "
                        + quantity.get().wireName() + "; use one of " + quantity.get().unit().acceptedWireUnits());
            }
            Optional<String> violation = quantity.get().rangeViolation(canonical.get());
            if (violation.isPresent()) {
                return Outcome.fail(i, RejectionReason.VALUE_OUT_OF_RANGE, quantity.get().wireName() + " " + violation.get());
            }
            Optional<String> tsText = JsonEnvelope.text(node, "ts");
            Optional<Instant> ts = tsText.flatMap(TelemetryCodec::parseTimestamp);
            if (ts.isEmpty()) {
                return Outcome.fail(i, RejectionReason.INVALID_TIMESTAMP, "field 'ts' must be ISO-8601 with offset, e.g. "
                        + "2026-05-12T12:00:00+09:00, was " + tsText.map(t -> "'" + t + "'").orElse("missing"));
            }
            return Outcome.ok(new Reading(site, device, quantity.get(), ts.get(), canonical.get().doubleValue()));
        }
    }
}
