package org.aems.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.aems.core.telemetry.TelemetryCodec;
import org.aems.testing.TestInfrastructure;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.aems.testing.TestRegions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Ingest against the real broker and real PostgreSQL: what gateways send is stored once, or rejected with a reason. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TelemetryIngestIT {

    private final String prefix = "it" + UUID.randomUUID().toString().substring(0, 6);
    private final String siteA = prefix + "-a";
    private final String siteB = prefix + "-b";
    private final Instant ts = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60);
    private IngestHarness ingest;
    private MqttClient gateway;

    @BeforeAll
    void start() throws MqttException {
        ingest = new IngestHarness(Clock.systemUTC());
        ingest.importRegion(TestRegions.twoSites(prefix));
        ingest.start();
        gateway = new MqttClient(TestInfrastructure.mqttUrl(), prefix + "-gw", new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setUserName(siteA);
        gateway.connect(options);
    }

    @AfterAll
    void stop() throws Exception {
        gateway.disconnect();
        gateway.close();
        ingest.close();
    }

    private void publish(String site, String payload) throws MqttException {
        gateway.publish("aems/v1/sites/" + site + "/telemetry", payload.getBytes(StandardCharsets.UTF_8), 1, false);
    }

    private String message(String site, String messageId, String readings) {
        return """
                {"schema":"aems.telemetry.v1","messageId":"%s","siteId":"%s","sentAt":"%s","readings":[%s]}
                """.formatted(messageId, site, TelemetryCodec.format(ts), readings);
    }

    private String reading(String device, String quantity, String value, String unit, Instant at) {
        return """
                {"device":"%s","quantity":"%s","value":%s,"unit":"%s","ts":"%s"}""".formatted(device, quantity, value, unit,
                TelemetryCodec.format(at));
    }

    private List<String> stored(String site) {
        List<String> rows = new ArrayList<>();
        try (Connection c = ingest.dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                "SELECT device_id, quantity, value, ts FROM telemetry_reading WHERE site_id = ? ORDER BY ts, device_id, quantity")) {
            q.setString(1, site);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getDouble(3) + " " + rs.getTimestamp(4).toInstant());
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    private List<String> rejections(String messageIdOrTopicSite) {
        List<String> rows = new ArrayList<>();
        try (Connection c = ingest.dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                "SELECT reason, reading_index, payload_size, length(payload) FROM telemetry_rejection "
                        + "WHERE message_id = ? OR topic LIKE ? ORDER BY id")) {
            q.setString(1, messageIdOrTopicSite);
            q.setString(2, "%/" + messageIdOrTopicSite + "/%");
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1) + (rs.getObject(2) == null ? "" : "@" + rs.getInt(2)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    @Test
    void storesReadingsWithValuesUnitsAndTimestampsUnchanged() throws MqttException {
        publish(siteA, message(siteA, "m-values", String.join(",",
                reading("meter-1", "meter.power", "-1520", "W", ts),
                reading("meter-1", "meter.export.energy", "12345.6", "kWh", ts),
                reading("bat-1", "battery.soc", "56.5", "%", ts))));

        await().atMost(Duration.ofSeconds(15)).until(() -> stored(siteA).size() >= 3);
        assertThat(stored(siteA)).contains(
                "meter-1 meter.power -1520.0 " + ts,
                "meter-1 meter.export.energy 1.23456E7 " + ts,
                "bat-1 battery.soc 56.5 " + ts);
    }

    @Test
    void storesARepeatedMessageOnceAndCountsTheDuplicates() throws MqttException {
        Instant at = ts.minusSeconds(3600);
        String payload = message(siteB, "m-dup", reading("meter-1", "meter.power", "800", "W", at));
        double duplicatesBefore = ingest.counter("duplicate", "none");
        publish(siteB, payload);
        publish(siteB, payload);

        await().atMost(Duration.ofSeconds(15)).until(() -> ingest.counter("duplicate", "none") >= duplicatesBefore + 1);
        assertThat(stored(siteB)).filteredOn(r -> r.endsWith(at.toString())).containsExactly("meter-1 meter.power 800.0 " + at);
    }

    @Test
    void convertsRawEchonetFramesWithTheScaleTheMeterReportedEarlier() throws MqttException {
        Instant first = ts.minusSeconds(9000);
        Instant second = first.plusSeconds(30);
        // Get_Res: D3 coefficient 1, E1 0x01 = 0.1 kWh, D7 6 digits, E7 0x1F8 = 504 W
        publishEchonet("e-1", first, "1081000102880105FF017204D30400000001E10101D70106E704000001F8");
        await().atMost(Duration.ofSeconds(15)).until(() -> stored(siteA).contains("meter-1 meter.power 504.0 " + first));
        // Get_Res with E0 only: 0x0000FE73 = 65139 x 0.1 kWh, converted with the scale remembered above
        publishEchonet("e-2", second, "1081000202880105FF017201E0040000FE73");

        await().atMost(Duration.ofSeconds(15)).until(() -> stored(siteA).contains("meter-1 meter.import.energy 6513900.0 " + second));
        assertThat(ingest.count("SELECT count(*) FROM meter_scale WHERE site_id = '" + siteA + "' AND unit_code = 1")).isEqualTo(1);
    }

    private void publishEchonet(String messageId, Instant receivedAt, String frame) throws MqttException {
        String payload = """
                {"schema":"aems.echonet.v1","messageId":"%s","siteId":"%s","device":"meter-1","receivedAt":"%s","frames":["%s"]}
                """.formatted(messageId, siteA, TelemetryCodec.format(receivedAt), frame);
        gateway.publish("aems/v1/sites/" + siteA + "/echonet", payload.getBytes(StandardCharsets.UTF_8), 1, false);
    }

    @Test
    void recordsRolloversAndReplacementsButRefusesARegisterThatWentBackwards() throws MqttException {
        // site A's meter wraps at the default 100,000 kWh = 100,000,000 Wh
        Instant t0 = ts.minusSeconds(20_000);
        double rejectedBefore = ingest.counter("rejected", "REGISTER_DECREASED");
        publish(siteA, message(siteA, "r-1", String.join(",",
                reading("meter-1", "meter.import.energy", "99999000", "Wh", t0),
                reading("meter-1", "meter.import.energy", "500", "Wh", t0.plusSeconds(60)),
                reading("meter-1", "meter.export.energy", "8000000", "Wh", t0),
                reading("meter-1", "meter.export.energy", "12", "Wh", t0.plusSeconds(60)),
                reading("pv-1", "pv.energy", "5000000", "Wh", t0))));
        await().atMost(Duration.ofSeconds(15)).until(() -> ingest.count(
                "SELECT count(*) FROM register_event WHERE site_id = '" + siteA + "'") == 2);
        // A later message whose PV register went backwards: that reading is refused, the rest stored.
        publish(siteA, message(siteA, "r-2", String.join(",",
                reading("pv-1", "pv.energy", "4990000", "Wh", t0.plusSeconds(60)),
                reading("meter-1", "meter.import.energy", "900", "Wh", t0.plusSeconds(120)))));

        await().atMost(Duration.ofSeconds(15)).until(() -> stored(siteA).contains("meter-1 meter.import.energy 900.0 " + t0.plusSeconds(120)));
        assertThat(ingest.count("SELECT count(*) FROM register_event WHERE quantity = 'meter.import.energy' AND kind = 'ROLLOVER'")).isEqualTo(1);
        assertThat(ingest.count("SELECT count(*) FROM register_event WHERE quantity = 'meter.export.energy' AND kind = 'METER_REPLACED'")).isEqualTo(1);
        // Rollover and replacement readings are kept as received.
        assertThat(stored(siteA)).contains("meter-1 meter.import.energy 500.0 " + t0.plusSeconds(60),
                "meter-1 meter.export.energy 12.0 " + t0.plusSeconds(60));
        assertThat(stored(siteA)).doesNotContain("pv-1 pv.energy 4990000.0 " + t0.plusSeconds(60));
        assertThat(ingest.strings("SELECT reason || ' ' || message_id || ' ' || topic || ' ' || detail FROM telemetry_rejection "
                + "WHERE reason = 'REGISTER_DECREASED' AND site_id = '" + siteA + "'")).containsExactly(
                "REGISTER_DECREASED r-2 aems/v1/sites/" + siteA + "/telemetry pv.energy of pv-1 went down from 5000000.0 Wh at "
                        + t0 + " to 4990000.0 Wh at " + t0.plusSeconds(60) + ", and neither a rollover nor a meter replacement "
                        + "explains it; fix the meter's reading or its scale (coefficient, unit) and resend");
        assertThat(ingest.counter("rejected", "REGISTER_DECREASED")).isEqualTo(rejectedBefore + 1);
    }

    @Test
    void keepsFlagsAndCountsTheSameReadingSentWithAnotherValue() throws MqttException {
        Instant at = ts.minusSeconds(5400);
        publish(siteB, message(siteB, "m-first", reading("meter-1", "meter.power", "1000", "W", at)));
        await().atMost(Duration.ofSeconds(15)).until(() -> stored(siteB).contains("meter-1 meter.power 1000.0 " + at));
        publish(siteB, message(siteB, "m-second", reading("meter-1", "meter.power", "1200", "W", at)));
        publish(siteB, message(siteB, "m-second", reading("meter-1", "meter.power", "1200", "W", at)));

        await().atMost(Duration.ofSeconds(15)).until(() -> ingest.counter("conflict", "none") >= 1);
        assertThat(stored(siteB)).filteredOn(r -> r.endsWith(at.toString())).containsExactly("meter-1 meter.power 1000.0 " + at);
        assertThat(ingest.count("SELECT count(*) FROM telemetry_reading WHERE conflicted AND site_id = '" + siteB + "'")).isEqualTo(1);
        assertThat(ingest.count("SELECT count(*) FROM telemetry_conflict WHERE conflicting_value = 1200 AND stored_value = 1000"
                + " AND message_id = 'm-second'")).isEqualTo(1);
        await().atMost(Duration.ofSeconds(15)).until(() -> ingest.counter("conflict", "none") + ingest.counter("duplicate", "none") >= 2);
        assertThat(ingest.counter("conflict", "none")).isEqualTo(1);
    }

    @Test
    void rejectsAnImpossibleReadingAndStoresTheRestOfItsMessage() throws MqttException {
        Instant at = ts.minusSeconds(7200);
        publish(siteA, message(siteA, "m-soc", String.join(",",
                reading("bat-1", "battery.soc", "120", "%", at),
                reading("bat-1", "battery.power", "-2000", "W", at),
                reading("pv-1", "pv.power", "3.2", "kWh", at),
                reading("pv-1", "pv.energy", "100", "Wh", ts.plus(Duration.ofHours(2))),
                reading("pv-1", "pv.power", "7000", "W", at),
                reading("bat-1", "battery.power", "-3600", "W", at.plusSeconds(1)))));

        await().atMost(Duration.ofSeconds(15)).until(() -> rejections("m-soc").size() == 5);
        // 7 kW from a 5.5 kWp array and 3.6 kW from a 3 kW battery are unit or sizing mistakes.
        assertThat(rejections("m-soc")).containsExactly("VALUE_OUT_OF_RANGE@0", "UNIT_MISMATCH@2", "TIMESTAMP_IN_FUTURE@3",
                "VALUE_OUT_OF_RANGE@4", "VALUE_OUT_OF_RANGE@5");
        assertThat(stored(siteA)).filteredOn(r -> r.endsWith(at.toString())).containsExactly("bat-1 battery.power -2000.0 " + at);
        assertThat(ingest.counter("rejected", "VALUE_OUT_OF_RANGE")).isEqualTo(3);
    }

    @Test
    void refusesBadMessagesWholeWithARecordedReasonAndACappedPayload() throws Exception {
        String good = message(siteB, "m-good-after-bad", reading("meter-1", "meter.power", "42", "W", ts.minusSeconds(10)));
        String unknownSite = prefix + "-nobody";
        publish(siteB, "this is not json");
        publish(siteB, "{\"schema\":\"aems.telemetry.v9\"}");
        publish(siteB, message(siteA, "m-mismatch", reading("meter-1", "meter.power", "1", "W", ts)));
        publish(unknownSite, message(unknownSite, "m-unknown", reading("meter-1", "meter.power", "1", "W", ts)));
        publish(siteB, "{" + " ".repeat(300 * 1024) + "}");
        publish(siteB, good);

        await().atMost(Duration.ofSeconds(15)).until(() -> rejections(siteB).size() >= 4);
        assertThat(rejections(siteB)).containsExactly("NOT_JSON", "UNKNOWN_SCHEMA", "SITE_MISMATCH", "PAYLOAD_TOO_LARGE");
        assertThat(rejections(unknownSite)).containsExactly("UNKNOWN_SITE");
        assertThat(ingest.count("SELECT max(length(payload)) FROM telemetry_rejection")).isLessThanOrEqualTo(256);
        assertThat(ingest.count("SELECT max(payload_size) FROM telemetry_rejection")).isGreaterThan(300 * 1024);
        // The bad messages took nothing good down with them.
        await().atMost(Duration.ofSeconds(15)).until(() -> stored(siteB).stream().anyMatch(r -> r.startsWith("meter-1 meter.power 42.0")));
    }

    @Test
    void refusesAMessageTheBrokerSaysAnotherGatewayPublishedAndKeepsTheSimulators() throws Exception {
        String payload = message(siteA, "m-cred", reading("meter-1", "meter.power", "123.25", "W", ts));
        publishAs(siteA, payload, siteB);
        publishAs(siteA, message(siteA, "m-sim", reading("meter-1", "meter.power", "246.5", "W", ts.plusSeconds(1))), "aems-simulator");
        await().atMost(Duration.ofSeconds(15)).until(() -> rejections(siteA).contains("CREDENTIAL_MISMATCH"));
        await().atMost(Duration.ofSeconds(15)).until(() -> stored(siteA).stream().anyMatch(r -> r.contains(" 246.5 ")));
        assertThat(stored(siteA)).noneMatch(r -> r.contains(" 123.25 "));
        assertThat(ingest.strings("SELECT detail FROM telemetry_rejection WHERE reason = 'CREDENTIAL_MISMATCH'"))
                .containsExactly("published by broker account '" + siteB + "' to site '" + siteA + "''s topic; a gateway publishes"
                        + " only its own site's");
    }

    private void publishAs(String site, String payload, String publisher) throws MqttException {
        org.eclipse.paho.mqttv5.common.MqttMessage m = new org.eclipse.paho.mqttv5.common.MqttMessage(
                payload.getBytes(StandardCharsets.UTF_8), 1, false, null);
        org.eclipse.paho.mqttv5.common.packet.MqttProperties properties = new org.eclipse.paho.mqttv5.common.packet.MqttProperties();
        properties.setUserProperties(List.of(new org.eclipse.paho.mqttv5.common.packet.UserProperty("aems-publisher", publisher)));
        m.setProperties(properties);
        gateway.publish("aems/v1/sites/" + site + "/telemetry", m);
    }

    @Test
    void acknowledgesABadMessageOnceItsRejectionIsRecordedSoItIsNeverRedelivered() throws Exception {
        String unregistered = prefix + "-gone";
        publish(unregistered, message(unregistered, "m-bad-once", reading("meter-1", "meter.power", "5", "W", ts)));
        await().atMost(Duration.ofSeconds(15)).until(() -> rejections(unregistered).size() == 1);
        ingest.stop();
        ingest.start();
        Instant at = ts.minusSeconds(12_000);
        publish(siteB, message(siteB, "m-after-restart", reading("meter-1", "meter.power", "321", "W", at)));

        await().atMost(Duration.ofSeconds(15)).until(() -> stored(siteB).contains("meter-1 meter.power 321.0 " + at));
        assertThat(rejections(unregistered)).containsExactly("UNKNOWN_SITE");
    }

    @Test
    void keepsWhatArrivesWhileIngestIsAwayInItsPersistentSession() throws Exception {
        Instant at = ts.minusSeconds(10_800);
        ingest.stop();
        publish(siteA, message(siteA, "m-while-away", reading("meter-1", "meter.power", "777", "W", at)));
        ingest.start();

        await().atMost(Duration.ofSeconds(20)).until(() -> stored(siteA).contains("meter-1 meter.power 777.0 " + at));
    }
}
