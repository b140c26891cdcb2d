package org.aems.core.telemetry;

import java.math.BigDecimal;
import java.time.Instant;
import org.aems.core.grid.DeviceId;
import org.aems.core.grid.SiteId;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON codec for the control messages of wire format v1: gateway status, commands and their
 * acknowledgements. Decoding throws {@link IllegalArgumentException} with a message naming the
 * field, because a bad control message has no partial content worth keeping.
 */
public final class ControlCodec {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public byte[] encode(GatewayStatus status) {
        ObjectNode root = header(GatewayStatus.SCHEMA, status.siteId());
        root.put("state", status.state().name());
        root.put("since", TelemetryCodec.format(status.since()));
        return JSON.writeValueAsBytes(root);
    }

    public GatewayStatus decodeStatus(byte[] payload) {
        JsonNode root = parse(payload, GatewayStatus.SCHEMA);
        return new GatewayStatus(SiteId.of(text(root, "siteId")), GatewayStatus.State.valueOf(text(root, "state")),
                instant(root, "since"));
    }

    public byte[] encode(Command command) {
        ObjectNode root = header(Command.SCHEMA, command.siteId());
        root.put("commandId", command.commandId());
        root.put("device", command.device().value());
        root.put("action", command.action().name());
        ObjectNode setpoint = root.putObject("setpoint");
        setpoint.put("value", command.setpointWatts());
        setpoint.put("unit", "W");
        root.put("validFrom", TelemetryCodec.format(command.validFrom()));
        root.put("validUntil", TelemetryCodec.format(command.validUntil()));
        root.put("issuedAt", TelemetryCodec.format(command.issuedAt()));
        return JSON.writeValueAsBytes(root);
    }

    public Command decodeCommand(byte[] payload) {
        JsonNode root = parse(payload, Command.SCHEMA);
        JsonNode setpoint = root.path("setpoint");
        if (!"W".equals(setpoint.path("unit").asString(""))) {
            throw new IllegalArgumentException("field 'setpoint.unit' must be \"W\"");
        }
        if (!setpoint.path("value").isNumber()) {
            throw new IllegalArgumentException("field 'setpoint.value' must be a number");
        }
        BigDecimal watts = setpoint.path("value").decimalValue();
        return new Command(text(root, "commandId"), SiteId.of(text(root, "siteId")), DeviceId.of(text(root, "device")),
                Command.Action.valueOf(text(root, "action")), watts, instant(root, "validFrom"),
                instant(root, "validUntil"), instant(root, "issuedAt"));
    }

    public byte[] encode(CommandAck ack) {
        ObjectNode root = header(CommandAck.SCHEMA, ack.siteId());
        root.put("commandId", ack.commandId());
        root.put("status", ack.status().name());
        root.put("reason", ack.reason());
        root.put("at", TelemetryCodec.format(ack.at()));
        return JSON.writeValueAsBytes(root);
    }

    public CommandAck decodeAck(byte[] payload) {
        JsonNode root = parse(payload, CommandAck.SCHEMA);
        JsonNode reason = root.get("reason");
        return new CommandAck(text(root, "commandId"), SiteId.of(text(root, "siteId")),
                CommandAck.Status.valueOf(text(root, "status")), reason == null ? "" : reason.asString(""),
                instant(root, "at"));
    }

    private static ObjectNode header(String schema, SiteId site) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schema", schema);
        root.put("siteId", site.value());
        return root;
    }

    private static JsonNode parse(byte[] payload, String schema) {
        if (payload.length > TelemetryLimits.MAX_PAYLOAD_BYTES) {
            throw new IllegalArgumentException("payload has " + payload.length + " bytes, limit is " + TelemetryLimits.MAX_PAYLOAD_BYTES);
        }
        JsonNode root;
        try {
            root = JSON.readTree(payload);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("payload is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (!schema.equals(root.path("schema").asString(""))) {
            throw new IllegalArgumentException("field 'schema' must be \"" + schema + "\"");
        }
        return root;
    }

    private static String text(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || !node.isString()) {
            throw new IllegalArgumentException("field '" + field + "' must be a string");
        }
        return node.stringValue();
    }

    private static Instant instant(JsonNode root, String field) {
        return TelemetryCodec.parseTimestamp(text(root, field)).orElseThrow(() -> new IllegalArgumentException(
                "field '" + field + "' must be ISO-8601 with offset, e.g. 2026-05-12T12:00:00+09:00"));
    }
}
