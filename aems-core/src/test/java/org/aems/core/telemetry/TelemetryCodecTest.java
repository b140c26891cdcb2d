package org.aems.core.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.aems.core.grid.DeviceId;
import org.aems.core.grid.SiteId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TelemetryCodecTest {

    private static final SiteId SITE = SiteId.of("odw-000123");
    private final TelemetryCodec codec = new TelemetryCodec();

    private static byte[] message(String readings) {
        return ("{\"schema\":\"aems.telemetry.v1\",\"messageId\":\"m-1\",\"siteId\":\"odw-000123\","
                + "\"sentAt\":\"2026-05-12T12:00:05+09:00\",\"readings\":[" + readings + "]}").getBytes(StandardCharsets.UTF_8);
    }

    private static String reading(String quantity, String value, String unit) {
        return "{\"device\":\"d-1\",\"quantity\":\"" + quantity + "\",\"value\":" + value + ",\"unit\":\"" + unit
                + "\",\"ts\":\"2026-05-12T12:00:00+09:00\"}";
    }

    private DecodeResult.Decoded decoded(String readings) {
        DecodeResult result = codec.decode(SITE, message(readings));
        assertThat(result).isInstanceOf(DecodeResult.Decoded.class);
        return (DecodeResult.Decoded) result;
    }

    private Rejection refused(byte[] payload) {
        DecodeResult result = codec.decode(SITE, payload);
        assertThat(result).isInstanceOf(DecodeResult.Refused.class);
        return ((DecodeResult.Refused) result).rejection();
    }

    @Test
    void convertsKilowattsToCanonicalWattsExactlyAndKeepsTheTimestamp() {
        Reading r = decoded(reading("meter.export.energy", "12345.6", "kWh")).message().readings().get(0);
        assertThat(r.value()).isEqualTo(12_345_600.0);
        assertThat(r.timestamp()).isEqualTo(Instant.parse("2026-05-12T03:00:00Z"));
        assertThat(r.asEnergy().wattHours()).isEqualTo(12_345_600L);
    }

    @Test
    void roundTripsThroughEncodeWithJstOffsets() {
        Reading reading = new Reading(SITE, DeviceId.of("meter-1"), Quantity.METER_POWER, Instant.parse("2026-05-12T03:00:00Z"), -1520);
        byte[] payload = codec.encode(new TelemetryMessage("m-9", SITE, Instant.parse("2026-05-12T03:00:05Z"), List.of(reading)));
        assertThat(new String(payload, StandardCharsets.UTF_8)).contains("\"ts\":\"2026-05-12T12:00:00+09:00\"", "\"value\":-1520");
        assertThat(((DecodeResult.Decoded) codec.decode(SITE, payload)).message().readings()).containsExactly(reading);
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource({
            "battery.soc, 100.5, %, VALUE_OUT_OF_RANGE",
            "pv.power, -1, W, VALUE_OUT_OF_RANGE",
            "meter.import.energy, -5, Wh, VALUE_OUT_OF_RANGE",
            "ev.plugged, 2, bool, VALUE_OUT_OF_RANGE",
            "meter.power, 5, kWh, UNIT_MISMATCH",
            "grid.frequency, 50, Hz, UNKNOWN_QUANTITY",
            "meter.power, '\"5\"', W, INVALID_READING"})
    void rejectsTheBadReadingWithItsReasonAndKeepsTheGoodOne(String quantity, String value, String unit, RejectionReason reason) {
        DecodeResult.Decoded d = decoded(reading(quantity, value, unit) + "," + reading("meter.power", "-250", "W"));
        assertThat(d.rejectedReadings()).extracting(Rejection::reason, Rejection::readingIndex).containsExactly(
                org.assertj.core.groups.Tuple.tuple(reason, 0));
        assertThat(d.message().readings()).extracting(Reading::value).containsExactly(-250.0);
    }

    @Test
    void rejectsATimestampWithoutOffsetAndSaysWhatToSend() {
        DecodeResult.Decoded d = decoded("{\"device\":\"d-1\",\"quantity\":\"meter.power\",\"value\":1,\"unit\":\"W\",\"ts\":\"2026-05-12T12:00:00\"}");
        assertThat(d.rejectedReadings().get(0).reason()).isEqualTo(RejectionReason.INVALID_TIMESTAMP);
        assertThat(d.rejectedReadings().get(0).detail())
                .isEqualTo("field 'ts' must be ISO-8601 with offset, e.g. 2026-05-12T12:00:00+09:00, was '2026-05-12T12:00:00'");
    }

    @Test
    void refusesAnOversizedPayloadBeforeParsingIt() {
        byte[] huge = new byte[TelemetryLimits.MAX_PAYLOAD_BYTES + 1];
        java.util.Arrays.fill(huge, (byte) '[');
        Rejection r = refused(huge);
        assertThat(r.reason()).isEqualTo(RejectionReason.PAYLOAD_TOO_LARGE);
        assertThat(r.detail()).isEqualTo("payload has 262145 bytes, limit is 262144; split the batch into several messages");
    }

    @Test
    void refusesWhatIsNotAJsonObject() {
        assertThat(refused("[1,2]".getBytes(StandardCharsets.UTF_8)).reason()).isEqualTo(RejectionReason.NOT_JSON);
        assertThat(refused("{\"schema\":".getBytes(StandardCharsets.UTF_8)).reason()).isEqualTo(RejectionReason.NOT_JSON);
        assertThat(refused(new byte[0]).reason()).isEqualTo(RejectionReason.NOT_JSON);
    }

    @Test
    void refusesDuplicateKeysRatherThanGuessingWhichOneCounts() {
        byte[] payload = "{\"schema\":\"aems.telemetry.v1\",\"schema\":\"aems.telemetry.v1\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(refused(payload).reason()).isEqualTo(RejectionReason.NOT_JSON);
    }

    @Test
    void refusesAnUnknownSchemaAndAMessageForAnotherSite() {
        assertThat(refused("{\"schema\":\"aems.telemetry.v2\"}".getBytes(StandardCharsets.UTF_8)).reason())
                .isEqualTo(RejectionReason.UNKNOWN_SCHEMA);
        Rejection mismatch = ((DecodeResult.Refused) codec.decode(SiteId.of("other-site"), message(""))).rejection();
        assertThat(mismatch.reason()).isEqualTo(RejectionReason.SITE_MISMATCH);
        assertThat(mismatch.detail()).isEqualTo("payload siteId 'odw-000123' differs from the topic's site 'other-site'; "
                + "publish to aems/v1/sites/odw-000123/telemetry");
    }

    @Test
    void refusesMoreThanAThousandReadings() {
        String one = reading("meter.power", "1", "W");
        String many = String.join(",", java.util.Collections.nCopies(TelemetryLimits.MAX_READINGS + 1, one));
        assertThat(refused(message(many)).reason()).isEqualTo(RejectionReason.TOO_MANY_READINGS);
    }

    @Test
    void readsTheSiteOnlyFromWellFormedSiteTopics() {
        assertThat(Topics.siteOf("aems/v1/sites/odw-1/telemetry")).contains(SiteId.of("odw-1"));
        assertThat(Topics.siteOf("aems/v1/sites/odw-1")).isEmpty();
        assertThat(Topics.siteOf("aems/v2/sites/odw-1/telemetry")).isEmpty();
        assertThat(Topics.siteOf("aems/v1/sites/a b/telemetry")).isEmpty();
    }
}
