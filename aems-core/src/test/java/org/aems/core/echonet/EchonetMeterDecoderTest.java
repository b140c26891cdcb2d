package org.aems.core.echonet;

import static org.aems.core.echonet.Frames.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.aems.core.grid.DeviceId;
import org.aems.core.grid.SiteId;
import org.aems.core.telemetry.Quantity;
import org.aems.core.telemetry.Reading;
import org.aems.core.telemetry.Rejection;
import org.aems.core.telemetry.RejectionReason;
import org.junit.jupiter.api.Test;

/**
 * Fixtures are ECHONET Lite frames written out byte by byte from the frame layout (ECHONET Lite
 * specification part 2, chapter 3) and the 0x0288 property sizes of the APPENDIX; the ones marked
 * "capture" are B-route responses published from real meters, copied byte for byte and checked by hand.
 * Header layout in every fixture: EHD 1081, TID, SEOJ, DEOJ, ESV, OPC, then EPC PDC EDT per property.
 */
class EchonetMeterDecoderTest {

    private static final SiteId SITE = SiteId.of("odw-000123");
    private static final DeviceId METER = DeviceId.of("meter-1");
    private static final Instant GATEWAY_TIME = jst("2026-05-12T12:30:40");
    /** 0.1 kWh, coefficient 1, 6 digits: a typical residential meter (E1=01, D3=00000001, D7=06). */
    private static final MeterScale TENTH_KWH = new MeterScale(MeterScale.Unit.KWH_0_1, 1, 6);

    private final EchonetMeterDecoder decoder = new EchonetMeterDecoder();

    private static Instant jst(String localDateTime) {
        return OffsetDateTime.parse(localDateTime + "+09:00").toInstant();
    }

    private MeterFrameResult decode(String frame, Optional<MeterScale> knownScale) {
        return decoder.decode(SITE, METER, hex(frame), GATEWAY_TIME, knownScale);
    }

    private MeterFrameResult decode(String frame) {
        return decode(frame, Optional.empty());
    }

    // --- 0xE7 instantaneous power

    @Test
    void readsPositivePowerAsImportAtTheGatewayTime() {
        MeterFrameResult r = decode("1081 0001 028801 05FF01 72 01 E7 04 000001F8"); // 0x1F8 = 504 W

        assertThat(r.readings()).containsExactly(new Reading(SITE, METER, Quantity.METER_POWER, GATEWAY_TIME, 504));
        assertThat(r.rejections()).isEmpty();
        assertThat(r.scale()).isEmpty();
    }

    @Test
    void readsNegativePowerAsExportWithoutFlippingTheSign() {
        // capture: E7 = FFFFF856, two's complement of 0x7AA = -1962 W (reverse flow)
        MeterFrameResult r = decode("1081 0003 028801 05FF01 72 01 E7 04 FFFFF856");

        assertThat(r.readings()).extracting(Reading::quantity, Reading::value).containsExactly(tuple(Quantity.METER_POWER, -1962.0));
    }

    @Test
    void recordsNoMeasurementForPowerWithoutAReading() {
        MeterFrameResult r = decode("1081 0004 028801 05FF01 72 01 E7 04 7FFFFFFE");

        assertThat(r.readings()).isEmpty();
        assertThat(r.rejections()).containsExactly(Rejection.ofReading(0, RejectionReason.NO_MEASUREMENT,
                "EPC 0xE7 (instantaneous power): the meter has no measurement (0x7FFFFFFE)"));
    }

    @Test
    void rejectsOverflowAndUnderflowAndKeepsTheOtherProperties() {
        // OPC 3: E7 overflow, E7 underflow, E7 632 W (0x278)
        MeterFrameResult r = decode("1081 0005 028801 05FF01 72 03 E7 04 7FFFFFFF E7 04 80000000 E7 04 00000278");

        assertThat(r.rejections()).extracting(Rejection::readingIndex, Rejection::reason).containsExactly(
                tuple(0, RejectionReason.VALUE_OUT_OF_RANGE), tuple(1, RejectionReason.VALUE_OUT_OF_RANGE));
        assertThat(r.rejections().get(1).detail()).isEqualTo(
                "EPC 0xE7 (instantaneous power): underflow (0x80000000), below what the meter can show");
        assertThat(r.readings()).extracting(Reading::value).containsExactly(632.0);
    }

    @Test
    void rejectsAValueOfTheWrongSize() {
        MeterFrameResult r = decode("1081 0001 028801 05FF01 72 01 E7 02 01F8");

        assertThat(r.rejections()).containsExactly(Rejection.ofReading(0, RejectionReason.INVALID_READING,
                "EPC 0xE7 (instantaneous power) must have PDC 4, had 2"));
    }

    // --- 0xE0 / 0xE3 cumulative registers and the scale

    @Test
    void convertsImportAndExportRegistersExactlyWithTheScaleOfTheSameFrame() {
        // OPC 5: D3 coefficient 1, E1 unit 0x01 = 0.1 kWh, D7 6 digits,
        // E0 0xFE73 = 65139 -> 6513.9 kWh (capture value), E3 0x16 = 22 -> 2.2 kWh
        MeterFrameResult r = decode("1081 0005 028801 05FF01 72 05 D3 04 00000001 E1 01 01 D7 01 06"
                + " E0 04 0000FE73 E3 04 00000016");

        assertThat(r.readings()).containsExactly(
                new Reading(SITE, METER, Quantity.METER_IMPORT_ENERGY, GATEWAY_TIME, 6_513_900),
                new Reading(SITE, METER, Quantity.METER_EXPORT_ENERGY, GATEWAY_TIME, 2_200));
        assertThat(r.readings().get(0).asEnergy().wattHours()).isEqualTo(6_513_900L);
        assertThat(r.rejections()).isEmpty();
        assertThat(r.scale()).contains(TENTH_KWH);
        assertThat(r.ignoredProperties()).isZero();
    }

    @Test
    void readsTheScaleWhereverItSitsInTheFrame() {
        // the register comes before its unit: E0 0xFE73, then E1 0x01
        MeterFrameResult r = decode("1081 0001 028801 05FF01 72 02 E0 04 0000FE73 E1 01 01");

        assertThat(r.readings()).extracting(Reading::value).containsExactly(6_513_900.0);
        assertThat(r.scale()).contains(MeterScale.of(MeterScale.Unit.KWH_0_1));
    }

    @Test
    void multipliesByACoefficientOfTen() {
        // D3 0x0A = 10, E1 0x02 = 0.01 kWh, E0 0x00012D69 = 77161 -> 77161 x 10 x 0.01 kWh = 7716.1 kWh
        MeterFrameResult r = decode("1081 0001 028801 05FF01 72 03 D3 04 0000000A E1 01 02 E0 04 00012D69");

        assertThat(r.readings()).extracting(Reading::value).containsExactly(7_716_100.0);
        assertThat(r.scale()).contains(new MeterScale(MeterScale.Unit.KWH_0_01, 10, 8));
    }

    @Test
    void handlesAUnitOfTenKilowattHours() {
        // E1 0x0A = 10 kWh, E0 0x457 = 1111 -> 11110 kWh
        MeterFrameResult r = decode("1081 0001 028801 05FF01 72 02 E1 01 0A E0 04 00000457");

        assertThat(r.readings()).extracting(Reading::value).containsExactly(11_110_000.0);
    }

    @Test
    void rejectsARegisterWiderThanTheEffectiveDigits() {
        // D7 6 digits: registers wrap at 1,000,000 steps = 100,000 kWh; E0 0xF4240 = 1,000,000 cannot be
        MeterFrameResult r = decode("1081 0001 028801 05FF01 72 03 E1 01 01 D7 01 06 E0 04 000F4240");

        assertThat(r.scale()).hasValueSatisfying(s -> assertThat(s.rolloverWattHours()).isEqualByComparingTo("100000000"));
        assertThat(r.rejections()).containsExactly(Rejection.ofReading(2, RejectionReason.VALUE_OUT_OF_RANGE,
                "EPC 0xE0 (cumulative energy, normal direction): register 1000000 does not fit the meter's 6 effective"
                        + " digits (0xD7: 0..999999)"));
    }

    @Test
    void usesTheKnownScaleWhenTheFrameHasNone() {
        // capture: E0 = 0xFE73 = 65139
        MeterFrameResult r = decode("1081 0001 028801 05FF01 72 01 E0 04 0000FE73", Optional.of(TENTH_KWH));

        assertThat(r.readings()).extracting(Reading::value).containsExactly(6_513_900.0);
        assertThat(r.scale()).as("nothing new to remember").isEmpty();
    }

    @Test
    void rejectsARegisterWithoutAnyScaleAndSaysWhatToSend() { // #3
        MeterFrameResult r = decode("1081 0001 028801 05FF01 72 02 E0 04 0000FE73 E7 04 00000278");

        assertThat(r.rejections()).containsExactly(Rejection.ofReading(0, RejectionReason.SCALE_UNKNOWN,
                "EPC 0xE0 (cumulative energy, normal direction): register 65139 cannot be converted to Wh without the"
                        + " meter's unit; send 0xE1 and 0xD3 (and 0xD7) in the same frame or before"));
        assertThat(r.readings()).extracting(Reading::quantity).containsExactly(Quantity.METER_POWER);
    }

    @Test
    void completesAPartialScaleFromTheKnownOne() {
        // only D3 = 0x28 (40) in this frame; unit and digits come from the known scale
        MeterFrameResult r = decode("1081 0001 028801 05FF01 72 02 D3 04 00000028 E3 04 00000016", Optional.of(TENTH_KWH));

        assertThat(r.scale()).contains(new MeterScale(MeterScale.Unit.KWH_0_1, 40, 6));
        assertThat(r.readings()).extracting(Reading::value).containsExactly(88_000.0); // 22 x 40 x 0.1 kWh
    }

    @Test
    void rejectsAnUndefinedUnitCode() {
        MeterFrameResult r = decode("1081 0001 028801 05FF01 72 02 E1 01 05 E0 04 0000FE73");

        assertThat(r.rejections()).extracting(Rejection::readingIndex, Rejection::reason).containsExactly(
                tuple(0, RejectionReason.VALUE_OUT_OF_RANGE), tuple(1, RejectionReason.SCALE_UNKNOWN));
        assertThat(r.rejections().get(0).detail())
                .isEqualTo("EPC 0xE1 (unit for cumulative energy): 0x05 is not a defined unit (0x00-0x04, 0x0A-0x0D)");
    }

    @Test
    void recordsNoMeasurementForARegister() {
        MeterFrameResult r = decode("1081 0001 028801 05FF01 72 01 E3 04 FFFFFFFE", Optional.of(TENTH_KWH));

        assertThat(r.rejections()).containsExactly(Rejection.ofReading(0, RejectionReason.NO_MEASUREMENT,
                "EPC 0xE3 (cumulative energy, reverse direction): the meter has no measurement (0xFFFFFFFE)"));
    }

    @Test
    void rejectsARegisterAboveEightDigits() {
        MeterFrameResult r = decode("1081 0001 028801 05FF01 72 01 E0 04 FFFFFFFF", Optional.of(TENTH_KWH));

        assertThat(r.rejections()).extracting(Rejection::reason, Rejection::detail).containsExactly(tuple(
                RejectionReason.VALUE_OUT_OF_RANGE,
                "EPC 0xE0 (cumulative energy, normal direction): 0xFFFFFFFF (4294967295) is outside the register range 0..99999999"));
    }

    // --- 0xEA / 0xEB fixed at the 30-minute boundary

    @Test
    void timestampsAFixedValueWithTheMetersOwnClockInJst() {
        // capture: EA 0B | 07EA 05 14 0E 00 00 = 2026-05-20 14:00:00 | 0000FE68 = 65128 -> 6512.8 kWh;
        // the gateway received it 47 s later by its own (skewed) clock
        Instant gatewayTime = jst("2026-05-20T14:00:47");
        MeterFrameResult r = decoder.decode(SITE, METER, hex("1081 0001 028801 05FF01 72 01 EA 0B 07EA 05 14 0E 00 00 0000FE68"),
                gatewayTime, Optional.of(TENTH_KWH));

        assertThat(r.readings()).containsExactly(new Reading(SITE, METER, Quantity.METER_IMPORT_ENERGY_FIXED,
                Instant.parse("2026-05-20T05:00:00Z"), 6_512_800));
    }

    @Test
    void readsTheMetersPeriodicInfOfTheFixedValue() {
        // INF (73) from the meter: EA 0B | 07EA 05 0C 0C 1E 00 = 2026-05-12 12:30:00 | 0000FE72 = 65138
        MeterFrameResult r = decode("1081 0000 028801 05FF01 73 01 EA 0B 07EA 05 0C 0C 1E 00 0000FE72", Optional.of(TENTH_KWH));

        assertThat(r.readings()).containsExactly(new Reading(SITE, METER, Quantity.METER_IMPORT_ENERGY_FIXED,
                jst("2026-05-12T12:30:00"), 6_513_800));
    }

    @Test
    void readsAnInfcOfBothFixedValues() {
        // capture, INFC (74), OPC 2: EA and EB at 07E5 01 12 12 00 00 = 2021-01-18 18:00:00,
        // import 0000FBD2 = 64466, export 00000009 = 9
        MeterFrameResult r = decode("1081 029F 028801 05FF01 74 02 EA 0B 07E5 01 12 12 00 00 0000FBD2"
                + " EB 0B 07E5 01 12 12 00 00 00000009", Optional.of(TENTH_KWH));

        assertThat(r.readings()).extracting(Reading::quantity, Reading::timestamp, Reading::value).containsExactly(
                tuple(Quantity.METER_IMPORT_ENERGY_FIXED, jst("2021-01-18T18:00:00"), 6_446_600.0),
                tuple(Quantity.METER_EXPORT_ENERGY_FIXED, jst("2021-01-18T18:00:00"), 900.0));
    }

    @Test
    void rejectsAnImpossibleMeterTime() {
        // 07EA 02 1E = 2026-02-30
        MeterFrameResult r = decode("1081 0001 028801 05FF01 72 01 EA 0B 07EA 02 1E 0C 1E 00 0000FE72", Optional.of(TENTH_KWH));

        assertThat(r.rejections()).containsExactly(Rejection.ofReading(0, RejectionReason.INVALID_TIMESTAMP,
                "EPC 0xEA (cumulative energy at the 30-minute boundary, normal direction): the meter's time"
                        + " 2026-02-30 12:30:00 is not a valid date and time (year 1..9999)"));
    }

    @Test
    void recordsNoMeasurementForAFixedValue() {
        MeterFrameResult r = decode("1081 0001 028801 05FF01 72 01 EB 0B 07EA 05 0C 0C 1E 00 FFFFFFFE", Optional.of(TENTH_KWH));

        assertThat(r.rejections()).extracting(Rejection::reason).containsExactly(RejectionReason.NO_MEASUREMENT);
        assertThat(r.readings()).isEmpty();
    }

    // --- 0xE2 / 0xE4 historical data with 0xE5

    /**
     * Get_Res OPC 2: E5 01 0B (day 11), E2 C2 (194 bytes): day 000B, then 48 registers from 00:00 JST.
     * The registers are a capture's (0xF766 = 63334 onwards), except 12:00, replaced by FFFFFFFE.
     */
    private static final String HISTORY_DAY_11 = """
            1081 0001 028801 05FF01 72 02
            E5 01 0B
            E2 C2 000B
            0000F766 0000F768 0000F76A 0000F76C 0000F76D 0000F76F 0000F770 0000F772
            0000F774 0000F776 0000F777 0000F779 0000F77A 0000F77C 0000F77E 0000F780
            0000F781 0000F783 0000F784 0000F786 0000F788 0000F789 0000F78B 0000F78D
            FFFFFFFE 0000F790 0000F792 0000F793 0000F795 0000F796 0000F798 0000F79A
            0000F79C 0000F79D 0000F79F 0000F7A0 0000F7A2 0000F7A4 0000F7A6 0000F7A7
            0000F7A9 0000F7AB 0000F7AD 0000F7AF 0000F7B0 0000F7B2 0000F7B4 0000F7B6
            """;

    @Test
    void readsFortyEightHalfHourValuesOfTheRequestedDay() {
        // gateway time 2026-05-12 (JST): day 11 is 2026-05-01
        MeterFrameResult r = decode(HISTORY_DAY_11, Optional.of(TENTH_KWH));

        assertThat(r.readings()).hasSize(47).allSatisfy(reading -> {
            assertThat(reading.quantity()).isEqualTo(Quantity.METER_IMPORT_ENERGY_FIXED);
            assertThat(reading.device()).isEqualTo(METER);
        });
        assertThat(r.readings().get(0)).extracting(Reading::timestamp, Reading::value)
                .containsExactly(jst("2026-05-01T00:00:00"), 6_333_400.0); // 0xF766 = 63334
        assertThat(r.readings().get(1)).extracting(Reading::timestamp, Reading::value)
                .containsExactly(jst("2026-05-01T00:30:00"), 6_333_600.0); // 0xF768 = 63336
        assertThat(r.readings().get(23).timestamp()).isEqualTo(jst("2026-05-01T11:30:00"));
        assertThat(r.readings().get(24)).extracting(Reading::timestamp, Reading::value)
                .containsExactly(jst("2026-05-01T12:30:00"), 6_337_600.0); // 0xF790 = 63376; 12:00 is missing
        assertThat(r.readings().get(46)).extracting(Reading::timestamp, Reading::value)
                .containsExactly(jst("2026-05-01T23:30:00"), 6_341_400.0); // 0xF7B6 = 63414
        assertThat(r.readings()).extracting(Reading::timestamp).isSorted().doesNotHaveDuplicates();
        assertThat(r.rejections()).containsExactly(Rejection.ofReading(1, RejectionReason.NO_MEASUREMENT,
                "EPC 0xE2 (historical cumulative energy, normal direction): 1 of 48 values for 2026-05-01 (JST)"
                        + " had no measurement (0xFFFFFFFE), at 12:00"));
    }

    @Test
    void takesTheDayFromTheHistoryItselfOverE5() {
        // E5 says day 1, the E4 (reverse) data is for day 2 -> 2026-05-10; values 0x64 = 100, rest not measured
        MeterFrameResult r = decode("""
                1081 0001 028801 05FF01 72 02
                E5 01 01
                E4 C2 0002
                00000064 00000064 FFFFFFFE FFFFFFFE FFFFFFFE FFFFFFFE FFFFFFFE FFFFFFFE
                FFFFFFFE FFFFFFFE FFFFFFFE FFFFFFFE FFFFFFFE FFFFFFFE FFFFFFFE FFFFFFFE
                FFFFFFFE FFFFFFFE FFFFFFFE FFFFFFFE FFFFFFFE FFFFFFFE FFFFFFFE FFFFFFFE
                FFFFFFFE FFFFFFFE FFFFFFFE FFFFFFFE FFFFFFFE FFFFFFFE FFFFFFFE FFFFFFFE
                FFFFFFFE FFFFFFFE FFFFFFFE FFFFFFFE FFFFFFFE FFFFFFFE FFFFFFFE FFFFFFFE
                FFFFFFFE FFFFFFFE FFFFFFFE FFFFFFFE FFFFFFFE FFFFFFFE FFFFFFFE FFFFFFFE
                """, Optional.of(TENTH_KWH));

        assertThat(r.readings()).extracting(Reading::quantity, Reading::timestamp, Reading::value).containsExactly(
                tuple(Quantity.METER_EXPORT_ENERGY_FIXED, jst("2026-05-10T00:00:00"), 10_000.0),
                tuple(Quantity.METER_EXPORT_ENERGY_FIXED, jst("2026-05-10T00:30:00"), 10_000.0));
        assertThat(r.rejections()).singleElement().satisfies(rejection -> {
            assertThat(rejection.reason()).isEqualTo(RejectionReason.NO_MEASUREMENT);
            assertThat(rejection.readingIndex()).isEqualTo(1);
            assertThat(rejection.detail()).endsWith(
                    "46 of 48 values for 2026-05-10 (JST) had no measurement (0xFFFFFFFE), at 01:00, 01:30, 02:00, 02:30 and 42 more");
        });
    }

    @Test
    void takesTodayFromTheGatewayTimeInJst() {
        // 2026-05-11T15:10Z is already 2026-05-12 00:10 in Japan: day 0 is 2026-05-12
        MeterFrameResult r = decoder.decode(SITE, METER, hex(HISTORY_DAY_11.replace("E2 C2 000B", "E2 C2 0000")),
                Instant.parse("2026-05-11T15:10:00Z"), Optional.of(TENTH_KWH));

        assertThat(r.readings().get(0).timestamp()).isEqualTo(jst("2026-05-12T00:00:00"));
        assertThat(Duration.between(r.readings().get(0).timestamp(), r.readings().get(46).timestamp()))
                .isEqualTo(Duration.ofMinutes(23 * 60 + 30));
    }

    @Test
    void rejectsHistoryWithoutScaleOnceNotFortyEightTimes() {
        MeterFrameResult r = decode(HISTORY_DAY_11);

        assertThat(r.readings()).isEmpty();
        assertThat(r.rejections()).extracting(Rejection::readingIndex, Rejection::reason).containsExactly(
                tuple(1, RejectionReason.NO_MEASUREMENT), tuple(1, RejectionReason.SCALE_UNKNOWN));
    }

    // --- services, classes and what is ignored

    @Test
    void usesTheAnsweredPropertiesOfAGetSnaAndIgnoresTheOthers() {
        // Get_SNA (52): E7 answered (504 W); E0 and E8 could not be read (PDC 00)
        MeterFrameResult r = decode("1081 0006 028801 05FF01 52 03 E7 04 000001F8 E0 00 E8 00");

        assertThat(r.readings()).extracting(Reading::value).containsExactly(504.0);
        assertThat(r.rejections()).isEmpty();
        assertThat(r.ignoredProperties()).isEqualTo(2);
        assertThat(r.propertyCount()).isEqualTo(3);
    }

    @Test
    void ignoresAGetSnaWithNothingAnswered() {
        // capture: Get_SNA for EPC 0x83 (identification number), PDC 00
        MeterFrameResult r = decode("1081 0001 028801 05FF01 52 01 83 00");

        assertThat(r.readings()).isEmpty();
        assertThat(r.rejections()).isEmpty();
        assertThat(r.ignoredProperties()).isEqualTo(1);
    }

    @Test
    void countsPropertiesItDoesNotReadAndKeepsTheRest() {
        // 80 operation status 30 (on), E7 0x278 = 632 W, 88 fault status 42 (no fault)
        MeterFrameResult r = decode("1081 0001 028801 05FF01 72 03 80 01 30 E7 04 00000278 88 01 42");

        assertThat(r.readings()).extracting(Reading::value).containsExactly(632.0);
        assertThat(r.ignoredProperties()).isEqualTo(2);
    }

    @Test
    void refusesAFrameOfAStorageBattery() {
        // SEOJ 027D01 storage battery, E4 remaining capacity 3 = 0x32 (50 %)
        MeterFrameResult r = decode("1081 0001 027D01 05FF01 72 01 E4 01 32");

        assertThat(r.refused()).isTrue();
        assertThat(r.rejections()).containsExactly(Rejection.ofMessage(RejectionReason.ECHONET_MALFORMED,
                "SEOJ 0x027D01 (class 0x027D) is not a low-voltage smart meter (0x0288); forward only the meter's"
                        + " frames on this topic"));
        assertThat(r.readings()).isEmpty();
        assertThat(r.propertyCount()).isZero();
    }

    @Test
    void refusesTheNodeProfilesInstanceListNotification() {
        // capture: INF (73) from the node profile 0EF001: D5 instance list = 1 object, 028801
        MeterFrameResult r = decode("1081 0000 0EF001 0EF001 73 01 D5 04 01028801");

        assertThat(r.rejections()).extracting(Rejection::reason).containsExactly(RejectionReason.ECHONET_MALFORMED);
    }

    @Test
    void acceptsAnyInstanceOfTheMeterClass() {
        MeterFrameResult r = decode("1081 0001 028802 05FF01 72 01 E7 04 000001F8");

        assertThat(r.readings()).hasSize(1);
    }

    @Test
    void turnsAMalformedFrameIntoOneRejection() {
        MeterFrameResult r = decode("1081 0001 028801 05FF01 72 01 E7 08 000001F8");

        assertThat(r.rejections()).singleElement().satisfies(rejection -> {
            assertThat(rejection.reason()).isEqualTo(RejectionReason.ECHONET_MALFORMED);
            assertThat(rejection.readingIndex()).isEqualTo(-1);
            assertThat(rejection.detail()).startsWith("property 1 of 1 (0xE7) at offset 12: PDC 8 runs past the end");
        });
    }
}
