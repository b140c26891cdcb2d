package org.aems.core.telemetry;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.aems.core.grid.SiteId;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The checks every JSON message a gateway publishes starts with, cheapest first: payload size, the
 * first non-blank byte, JSON syntax, {@code schema}, {@code messageId}, {@code siteId} and its match
 * with the topic. Shared by the telemetry and ECHONET Lite codecs, so both refuse with the same
 * reasons and messages (docs/protocol.md, Rejections).
 */
public final class JsonEnvelope {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private JsonEnvelope() {
    }

    /** The outcome of {@link #open}: the checked header, or why the whole message is refused. */
    public sealed interface Opening permits Opened, Refused {
    }

    /**
     * A JSON object whose schema, message id and site passed the checks.
     *
     * @param root the whole payload, for the codec to read its own fields from
     */
    public record Opened(ObjectNode root, String messageId, SiteId site) implements Opening {
        public Opened {
            Objects.requireNonNull(root, "root");
            Objects.requireNonNull(messageId, "messageId");
            Objects.requireNonNull(site, "site");
        }

        /** The field's value if it is a JSON string. */
        public Optional<String> text(String field) {
            return JsonEnvelope.text(root, field);
        }

        /** The field's value if it is an ISO-8601 timestamp with an offset (the protocol's only timestamp form). */
        public Optional<Instant> timestamp(String field) {
            return text(field).flatMap(TelemetryCodec::parseTimestamp);
        }
    }

    /** The message is refused as a whole; {@code rejection} has a message-scope reason. */
    public record Refused(Rejection rejection) implements Opening {
        public Refused {
            Objects.requireNonNull(rejection, "rejection");
        }
    }

    /**
     * Checks the envelope of {@code payload}, received on a topic of {@code topicSite}.
     *
     * @param schema   the only accepted value of the {@code schema} field
     * @param topicFor the topic a payload of this schema belongs on, named in the site-mismatch message
     */
    public static Opening open(SiteId topicSite, byte[] payload, String schema, Function<SiteId, String> topicFor) {
        if (payload.length > TelemetryLimits.MAX_PAYLOAD_BYTES) {
            return refuse(RejectionReason.PAYLOAD_TOO_LARGE, "payload has " + payload.length + " bytes, limit is "
                    + TelemetryLimits.MAX_PAYLOAD_BYTES + "; split the batch into several messages");
        }
        if (!startsLikeJsonObject(payload)) {
            return refuse(RejectionReason.NOT_JSON, "payload is not a JSON object (it must start with '{')");
        }
        JsonNode root;
        try {
            root = JSON.readTree(payload);
        } catch (JacksonException e) {
            return refuse(RejectionReason.NOT_JSON, "payload is not valid JSON: " + e.getOriginalMessage());
        }
        if (!(root instanceof ObjectNode object)) {
            return refuse(RejectionReason.NOT_JSON, "payload is not a JSON object");
        }
        JsonNode schemaNode = object.get("schema");
        if (schemaNode == null || !schemaNode.isString() || !schema.equals(schemaNode.stringValue())) {
            return refuse(RejectionReason.UNKNOWN_SCHEMA, "field 'schema' must be \"" + schema + "\", was "
                    + (schemaNode == null ? "missing" : schemaNode.toString()));
        }
        Optional<String> messageId = text(object, "messageId");
        if (messageId.isEmpty() || messageId.get().isBlank()
                || messageId.get().length() > TelemetryLimits.MAX_MESSAGE_ID_LENGTH) {
            return refuse(RejectionReason.MALFORMED_MESSAGE, "field 'messageId' must be a string of 1.."
                    + TelemetryLimits.MAX_MESSAGE_ID_LENGTH + " characters");
        }
        Optional<String> siteText = text(object, "siteId");
        if (siteText.isEmpty()) {
            return refuse(RejectionReason.MALFORMED_MESSAGE, "field 'siteId' must be a string");
        }
        SiteId site;
        try {
            site = SiteId.of(siteText.get());
        } catch (IllegalArgumentException e) {
            return refuse(RejectionReason.MALFORMED_MESSAGE, "field 'siteId': " + e.getMessage());
        }
        if (!site.equals(topicSite)) {
            return refuse(RejectionReason.SITE_MISMATCH, "payload siteId '" + site + "' differs from the topic's site '"
                    + topicSite + "'; publish to " + topicFor.apply(site));
        }
        return new Opened(object, messageId.get(), site);
    }

    static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isString() ? Optional.of(value.stringValue()) : Optional.empty();
    }

    private static boolean startsLikeJsonObject(byte[] payload) {
        for (byte b : payload) {
            if (b == ' ' || b == '\t' || b == '\r' || b == '\n') {
                continue;
            }
            return b == '{';
        }
        return false;
    }

    private static Opening refuse(RejectionReason reason, String detail) {
        return new Refused(Rejection.ofMessage(reason, detail));
    }
}
