package org.aems.core.echonet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.aems.core.grid.DeviceId;
import org.aems.core.grid.SiteId;
import org.aems.core.telemetry.DecodeResult;
import org.aems.core.telemetry.Quantity;
import org.aems.core.telemetry.Reading;
import org.aems.core.telemetry.Rejection;
import org.aems.core.telemetry.RejectionReason;
import org.aems.core.telemetry.TelemetryLimits;
import org.junit.jupiter.api.Test;

class EchonetMessageCodecTest {

    private static final SiteId SITE = SiteId.of("odw-000123");
    private static final DeviceId METER = DeviceId.of("meter-1");
    /** Get_Res OPC 4: D3 coefficient 1, E1 0x01 = 0.1 kWh, D7 6 digits, E7 0x1F8 = 504 W. */
    private static final String SCALE_AND_POWER = "1081000102880105FF017204D30400000001E10101D70106E704000001F8";
    /** Get_Res OPC 2: E0 0xFE73 = 65139 (6513.9 kWh), E7 7FFFFFFE no measurement; lower case, as some gateways send it. */
    private static final String REGISTER_AND_NO_POWER = "1081000202880105ff017202e0040000fe73e7047ffffffe";

    private final EchonetMessageCodec codec = new EchonetMessageCodec();

    private static byte[] message(String site, String frames) {
        return ("{\"schema\":\"aems.echonet.v1\",\"messageId\":\"gw-1-42\",\"siteId\":\"" + site + "\",\"device\":\"meter-1\","
                + "\"receivedAt\":\"2026-05-12T12:30:40+09:00\",\"frames\":[" + frames + "]}").getBytes(StandardCharsets.UTF_8);
    }

    private static String quoted(String... frames) {
        return "\"" + String.join("\",\"", frames) + "\"";
    }

    private DecodeResult.Decoded decoded(EchonetDecoding decoding) {
        assertThat(decoding.result()).isInstanceOf(DecodeResult.Decoded.class);
        return (DecodeResult.Decoded) decoding.result();
    }

    private Rejection refused(byte[] payload) {
        EchonetDecoding decoding = codec.decode(SITE, payload, Optional.empty());
        assertThat(decoding.result()).isInstanceOf(DecodeResult.Refused.class);
        assertThat(decoding.lastScale()).isEmpty();
        return ((DecodeResult.Refused) decoding.result()).rejection();
    }

    @Test
    void decodesTwoFramesTheSecondUsingTheScaleOfTheFirst() {
        EchonetDecoding decoding = codec.decode(SITE, message("odw-000123", quoted(SCALE_AND_POWER, REGISTER_AND_NO_POWER)),
                Optional.empty());

        DecodeResult.Decoded d = decoded(decoding);
        Instant receivedAt = Instant.parse("2026-05-12T03:30:40Z");
        assertThat(d.message().messageId()).isEqualTo("gw-1-42");
        assertThat(d.message().sentAt()).isEqualTo(receivedAt);
        assertThat(d.message().readings()).containsExactly(
                new Reading(SITE, METER, Quantity.METER_POWER, receivedAt, 504),
                new Reading(SITE, METER, Quantity.METER_IMPORT_ENERGY, receivedAt, 6_513_900));
        // frame 0 has properties 0..3, so the second property of frame 1 is 5
        assertThat(d.rejectedReadings()).containsExactly(Rejection.ofReading(5, RejectionReason.NO_MEASUREMENT,
                "frames[1]: EPC 0xE7 (instantaneous power): the meter has no measurement (0x7FFFFFFE)"));
        assertThat(decoding.lastScale()).contains(new DeviceScale(METER, new MeterScale(MeterScale.Unit.KWH_0_1, 1, 6)));
    }

    @Test
    void usesTheRememberedScaleOfTheMessagesDevice() {
        List<DeviceId> asked = new ArrayList<>();
        EchonetDecoding decoding = codec.decode(SITE, message("odw-000123", quoted(REGISTER_AND_NO_POWER)), device -> {
            asked.add(device);
            return Optional.of(MeterScale.of(MeterScale.Unit.KWH_0_1));
        });

        assertThat(asked).containsExactly(METER);
        assertThat(decoded(decoding).message().readings()).extracting(Reading::value).containsExactly(6_513_900.0);
        assertThat(decoding.lastScale()).as("no scale in this message").isEmpty();
    }

    @Test
    void rejectsABadFrameAloneAndKeepsTheOthers() {
        EchonetDecoding decoding = codec.decode(SITE,
                message("odw-000123", quoted("1081000102880105FF017201E704000001", "10810001", "zz", SCALE_AND_POWER)),
                Optional.empty());

        DecodeResult.Decoded d = decoded(decoding);
        assertThat(d.message().readings()).extracting(Reading::value).containsExactly(504.0);
        assertThat(d.rejectedReadings()).extracting(Rejection::reason, Rejection::readingIndex).containsExactly(
                tuple(RejectionReason.ECHONET_MALFORMED, -1), tuple(RejectionReason.ECHONET_MALFORMED, -1),
                tuple(RejectionReason.ECHONET_MALFORMED, -1));
        assertThat(d.rejectedReadings()).extracting(Rejection::detail).satisfiesExactly(
                first -> assertThat(first).startsWith("frames[0]: property 1 of 1 (0xE7) at offset 12: PDC 4 runs past the end"),
                second -> assertThat(second).startsWith("frames[1]: frame truncated: 4 bytes"),
                third -> assertThat(third).isEqualTo("frames[2]: not a frame in hex (two hex digits per byte, no spaces or"
                        + " separators): not a hexadecimal digit: \"z\" = 122"));
    }

    @Test
    void refusesAMessagePublishedToAnotherSitesTopic() {
        Rejection r = refused(message("odw-000124", quoted(SCALE_AND_POWER)));

        assertThat(r.reason()).isEqualTo(RejectionReason.SITE_MISMATCH);
        assertThat(r.detail()).isEqualTo("payload siteId 'odw-000124' differs from the topic's site 'odw-000123';"
                + " publish to aems/v1/sites/odw-000124/echonet");
    }

    @Test
    void refusesLikeTelemetryBeforeLookingAtTheFrames() {
        assertThat(refused("not json".getBytes(StandardCharsets.UTF_8)).reason()).isEqualTo(RejectionReason.NOT_JSON);
        assertThat(refused(new byte[TelemetryLimits.MAX_PAYLOAD_BYTES + 1]).reason()).isEqualTo(RejectionReason.PAYLOAD_TOO_LARGE);
        assertThat(refused(new String(message("odw-000123", quoted(SCALE_AND_POWER)), StandardCharsets.UTF_8)
                .replace("aems.echonet.v1", "aems.telemetry.v1").getBytes(StandardCharsets.UTF_8)).reason())
                .isEqualTo(RejectionReason.UNKNOWN_SCHEMA);
    }

    @Test
    void refusesAnEnvelopeWithoutFramesOrWithTooMany() {
        assertThat(refused(message("odw-000123", ""))).isEqualTo(Rejection.ofMessage(RejectionReason.MALFORMED_MESSAGE,
                "field 'frames' must be an array of 1..100 hex strings, had 0"));
        String many = quoted(Collections.nCopies(101, SCALE_AND_POWER).toArray(String[]::new));
        assertThat(refused(message("odw-000123", many)).detail())
                .isEqualTo("field 'frames' must be an array of 1..100 hex strings, had 101");
        assertThat(refused(message("odw-000123", "42")).detail()).isEqualTo("frames[0] must be a string of hex digits, was 42");
    }

    @Test
    void refusesABadDeviceOrReceivedAt() {
        String ok = new String(message("odw-000123", quoted(SCALE_AND_POWER)), StandardCharsets.UTF_8);

        assertThat(refused(ok.replace("\"meter-1\"", "\"meter/1\"").getBytes(StandardCharsets.UTF_8)).reason())
                .isEqualTo(RejectionReason.MALFORMED_MESSAGE);
        assertThat(refused(ok.replace("+09:00", "").getBytes(StandardCharsets.UTF_8)).detail())
                .isEqualTo("field 'receivedAt' must be an ISO-8601 timestamp with offset, e.g. 2026-05-12T12:00:00+09:00");
    }
}
