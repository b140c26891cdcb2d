package org.aems.core.echonet;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.aems.core.grid.DeviceId;
import org.aems.core.grid.SiteId;
import org.aems.core.telemetry.DecodeResult;
import org.aems.core.telemetry.JsonEnvelope;
import org.aems.core.telemetry.Reading;
import org.aems.core.telemetry.Rejection;
import org.aems.core.telemetry.RejectionReason;
import org.aems.core.telemetry.TelemetryMessage;
import org.aems.core.telemetry.Topics;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * Decodes the {@value #SCHEMA} payloads gateways publish on {@code aems/v1/sites/{siteId}/echonet}:
 *
 * <pre>
 * {"schema": "aems.echonet.v1", "messageId": "...", "siteId": "...", "device": "meter-1",
 *  "receivedAt": "2026-05-12T12:00:00+09:00", "frames": ["1081...", ...]}
 * </pre>
 *
 * {@code receivedAt} is when the gateway received the frames (ISO-8601 with offset); {@code frames}
 * holds 1..{@value #MAX_FRAMES} raw frames of the meter {@code device}, as hex (either case).
 * Thread-safe.
 *
 * <p>The envelope is checked like telemetry ({@link JsonEnvelope}: size, JSON, schema, message id,
 * site), and a bad {@code device}, {@code receivedAt} or {@code frames} refuses the message with
 * {@code MALFORMED_MESSAGE}. Each frame is then decoded by {@link EchonetMeterDecoder} in order, the
 * scale of an earlier frame serving the later ones. A frame that is not hex or not a usable meter frame
 * is rejected alone ({@code ECHONET_MALFORMED}, index -1, detail starting with {@code frames[i]}); the
 * other frames are still decoded.
 *
 * <p><b>Reading indexes.</b> A rejection's {@link Rejection#readingIndex()} is a running index over all
 * properties of all frames, in order: frame 0's properties are 0..OPC<sub>0</sub>-1, frame 1's follow,
 * and so on; a frame rejected as a whole adds no properties. It is not a position in
 * {@code message.readings()}: one 0xE2 property yields up to 48 readings.
 *
 * <p>The decoded {@link TelemetryMessage} has the envelope's message id and {@code receivedAt} as its
 * {@code sentAt}.
 */
public final class EchonetMessageCodec {

    public static final String SCHEMA = "aems.echonet.v1";
    public static final int MAX_FRAMES = 100;

    private final EchonetMeterDecoder decoder = new EchonetMeterDecoder();

    /** Decodes a payload whose meter's scale, if remembered, is {@code knownScale}. */
    public EchonetDecoding decode(SiteId topicSite, byte[] payload, Optional<MeterScale> knownScale) {
        Objects.requireNonNull(knownScale, "knownScale");
        return decode(topicSite, payload, device -> knownScale);
    }

    /**
     * Decodes a payload received on a topic of {@code topicSite}.
     *
     * @param knownScales the remembered scale of a device, asked once for the message's device
     */
    public EchonetDecoding decode(SiteId topicSite, byte[] payload, Function<DeviceId, Optional<MeterScale>> knownScales) {
        JsonEnvelope.Opening opening = JsonEnvelope.open(topicSite, payload, SCHEMA, Topics::echonet);
        if (opening instanceof JsonEnvelope.Refused refused) {
            return refused(refused.rejection());
        }
        JsonEnvelope.Opened envelope = (JsonEnvelope.Opened) opening;
        Optional<String> deviceText = envelope.text("device");
        if (deviceText.isEmpty()) {
            return malformed("field 'device' must be a string, the meter's device id (e.g. \"meter-1\")");
        }
        DeviceId device;
        try {
            device = DeviceId.of(deviceText.get());
        } catch (IllegalArgumentException e) {
            return malformed("field 'device': " + e.getMessage());
        }
        Optional<Instant> receivedAt = envelope.timestamp("receivedAt");
        if (receivedAt.isEmpty()) {
            return malformed("field 'receivedAt' must be an ISO-8601 timestamp with offset, e.g. 2026-05-12T12:00:00+09:00");
        }
        JsonNode frames = envelope.root().get("frames");
        if (!(frames instanceof ArrayNode array) || array.isEmpty() || array.size() > MAX_FRAMES) {
            return malformed("field 'frames' must be an array of 1.." + MAX_FRAMES + " hex strings"
                    + (frames instanceof ArrayNode a ? ", had " + a.size() : ""));
        }
        for (int f = 0; f < array.size(); f++) {
            if (!array.get(f).isString()) {
                return malformed("frames[" + f + "] must be a string of hex digits, was " + array.get(f));
            }
        }
        Optional<MeterScale> scale = Objects.requireNonNull(knownScales.apply(device), "known scale");
        Optional<MeterScale> lastScale = Optional.empty();
        List<Reading> readings = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        int firstProperty = 0;
        for (int f = 0; f < array.size(); f++) {
            String prefix = "frames[" + f + "]: ";
            byte[] frame;
            try {
                frame = HexFormat.of().parseHex(array.get(f).stringValue());
            } catch (IllegalArgumentException e) {
                rejections.add(Rejection.ofMessage(RejectionReason.ECHONET_MALFORMED, prefix
                        + "not a frame in hex (two hex digits per byte, no spaces or separators): " + e.getMessage()));
                continue;
            }
            MeterFrameResult result = decoder.decode(envelope.site(), device, frame, receivedAt.get(), scale);
            readings.addAll(result.readings());
            for (Rejection r : result.rejections()) {
                int index = r.readingIndex() < 0 ? -1 : firstProperty + r.readingIndex();
                rejections.add(new Rejection(r.reason(), prefix + r.detail(), index));
            }
            firstProperty += result.propertyCount();
            if (result.scale().isPresent()) {
                scale = result.scale();
                lastScale = result.scale();
            }
        }
        TelemetryMessage message = new TelemetryMessage(envelope.messageId(), envelope.site(), receivedAt.get(), readings);
        return new EchonetDecoding(new DecodeResult.Decoded(message, rejections),
                lastScale.map(s -> new DeviceScale(device, s)));
    }

    private static EchonetDecoding malformed(String detail) {
        return refused(Rejection.ofMessage(RejectionReason.MALFORMED_MESSAGE, detail));
    }

    private static EchonetDecoding refused(Rejection rejection) {
        return new EchonetDecoding(new DecodeResult.Refused(rejection), Optional.empty());
    }
}
