package org.aems.core.echonet;

import static org.aems.core.echonet.Frames.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import org.junit.jupiter.api.Test;

class EchonetFrameTest {

    @Test
    void parsesAGetResOfInstantaneousPower() {
        // EHD 1081, TID 0001, SEOJ 028801 (meter), DEOJ 05FF01 (controller), ESV 72 Get_Res, OPC 01,
        // EPC E7 PDC 04 EDT 000001F8 = 504 W
        EchonetFrame frame = EchonetFrame.parse(hex("1081 0001 028801 05FF01 72 01 E7 04 000001F8"));

        assertThat(frame.tid()).isEqualTo(1);
        assertThat(frame.seoj()).isEqualTo(new EchonetObject(0x02, 0x88, 0x01));
        assertThat(frame.deoj()).hasToString("0x05FF01");
        assertThat(frame.esv()).isEqualTo(Esv.GET_RES);
        assertThat(frame.properties()).containsExactly(new EchonetProperty(0xE7, hex("000001F8")));
        assertThat(frame.properties().get(0).signedInt(0)).isEqualTo(504);
    }

    @Test
    void keepsPropertiesWithPdcZeroOfAGetSna() {
        // Get_SNA (52): E7 answered, E0 and E8 not (PDC 00)
        EchonetFrame frame = EchonetFrame.parse(hex("1081 0006 028801 05FF01 52 03 E7 04 000001F8 E0 00 E8 00"));

        assertThat(frame.esv()).isEqualTo(Esv.GET_SNA);
        assertThat(frame.properties()).extracting(EchonetProperty::epc, EchonetProperty::pdc)
                .containsExactly(tuple(0xE7, 4), tuple(0xE0, 0), tuple(0xE8, 0));
    }

    @Test
    void refusesAFrameShorterThanTheHeader() {
        assertMalformed("1081 0001 028801 05FF01", 10,
                "frame truncated: 10 bytes, but the header (EHD1 EHD2 TID SEOJ DEOJ ESV OPC) alone needs 12");
    }

    @Test
    void refusesAFrameCutInsideTheLastValue() {
        // the E7 value lost its last byte: 17 bytes, EDT would be 14..17
        assertMalformed("1081 0001 028801 05FF01 72 01 E7 04 000001", 13,
                "property 1 of 1 (0xE7) at offset 12: PDC 4 runs past the end, its EDT needs bytes 14..17"
                        + " but the frame has 17 bytes (0..16)");
    }

    @Test
    void refusesAPdcLargerThanWhatFollows() {
        assertMalformed("1081 0001 028801 05FF01 72 01 E7 08 000001F8", 13,
                "property 1 of 1 (0xE7) at offset 12: PDC 8 runs past the end, its EDT needs bytes 14..21"
                        + " but the frame has 18 bytes (0..17)");
    }

    @Test
    void refusesAnOpcThatAnnouncesMorePropertiesThanTheFrameHas() {
        assertMalformed("1081 0001 028801 05FF01 72 02 E7 04 000001F8", 18,
                "frame truncated at offset 18: property 2 of 2 (OPC) needs EPC and PDC (2 bytes), 0 left");
    }

    @Test
    void refusesTrailingBytes() {
        assertMalformed("1081 0001 028801 05FF01 72 01 E7 04 000001F8 0000", 18,
                "2 trailing byte(s) at offset 18 after the last of the 1 properties announced by OPC; fix OPC or drop them");
    }

    @Test
    void refusesOpcZero() {
        assertMalformed("1081 0001 028801 05FF01 72 00", 11,
                "OPC at offset 11 is 0; a Get_Res carries at least one property");
    }

    @Test
    void refusesTheArbitraryMessageFormat() {
        assertMalformed("1082 0001 028801 05FF01 72 01 E7 04 000001F8", 1,
                "EHD2 at offset 1 is 0x82 (arbitrary message format), which has no EPC/PDC/EDT properties;"
                        + " forward the meter's specified-format frames (EHD2 0x81)");
    }

    @Test
    void refusesAnotherProtocol() {
        assertMalformed("1181 0001 028801 05FF01 72 01 E7 04 000001F8", 0,
                "EHD1 at offset 0 is 0x11, expected 0x10 (ECHONET Lite)");
    }

    @Test
    void refusesAnInfcResBecauseItCarriesNoData() {
        // the controller's INFC_Res (7A) to the meter's INFC: SEOJ 05FF01, DEOJ 028801, EA and EB with PDC 00
        assertMalformed("1081 029F 05FF01 028801 7A 02 EA 00 EB 00", 10,
                "ESV at offset 10 is 0x7A (INFC_Res), the controller's acknowledgement of a notification, which"
                        + " carries no meter data; forward the meter's INFC (0x74) instead");
    }

    @Test
    void refusesARequest() {
        // Get (62) from the controller, as sent to the meter
        assertMalformed("1081 0001 05FF01 028801 62 01 E7 00", 10,
                "ESV at offset 10 is 0x62, which carries no meter data; forward Get_Res (0x72), INF (0x73),"
                        + " INFC (0x74) or Get_SNA (0x52) frames");
    }

    private static void assertMalformed(String frame, int offset, String message) {
        assertThatThrownBy(() -> EchonetFrame.parse(hex(frame)))
                .isInstanceOfSatisfying(MalformedFrameException.class, e -> assertThat(e.offset()).isEqualTo(offset))
                .hasMessage(message);
    }
}
