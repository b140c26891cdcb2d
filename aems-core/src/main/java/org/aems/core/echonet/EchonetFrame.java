package org.aems.core.echonet;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An ECHONET Lite frame in the specified message format (format 1) that carries property values:
 *
 * <pre>
 * offset 0  EHD1  0x10 (ECHONET Lite)
 *        1  EHD2  0x81 (format 1)
 *        2  TID   2 bytes
 *        4  SEOJ  3 bytes, the sender
 *        7  DEOJ  3 bytes, the addressee
 *       10  ESV   1 byte, see {@link Esv}
 *       11  OPC   1 byte, number of properties (at least 1)
 *       12  OPC × (EPC 1 byte, PDC 1 byte, EDT PDC bytes)
 * </pre>
 *
 * The properties must end exactly at the end of the frame.
 *
 * @param tid transaction id, 0..65535
 */
public record EchonetFrame(int tid, EchonetObject seoj, EchonetObject deoj, Esv esv, List<EchonetProperty> properties) {

    /** EHD1 + EHD2 + TID + SEOJ + DEOJ + ESV + OPC. */
    public static final int HEADER_BYTES = 12;
    static final int EHD1_ECHONET_LITE = 0x10;
    static final int EHD2_SPECIFIED_FORMAT = 0x81;
    static final int EHD2_ARBITRARY_FORMAT = 0x82;

    public EchonetFrame {
        if (tid < 0 || tid > 0xFFFF) {
            throw new IllegalArgumentException("TID must be 0..65535, was " + tid);
        }
        Objects.requireNonNull(seoj, "seoj");
        Objects.requireNonNull(deoj, "deoj");
        Objects.requireNonNull(esv, "esv");
        properties = List.copyOf(properties);
        if (properties.isEmpty() || properties.size() > 0xFF) {
            throw new IllegalArgumentException("a frame carries 1..255 properties, had " + properties.size());
        }
    }

    /**
     * Parses and checks a whole frame.
     *
     * @throws MalformedFrameException naming the offset and what was expected there, when the frame is
     *                                 truncated, a PDC runs past its end, bytes trail the last property,
     *                                 OPC is 0, the header is not ECHONET Lite format 1, or the ESV
     *                                 carries no property values
     */
    public static EchonetFrame parse(byte[] frame) {
        if (frame.length < HEADER_BYTES) {
            throw new MalformedFrameException(frame.length, "frame truncated: " + frame.length + " bytes, but the header"
                    + " (EHD1 EHD2 TID SEOJ DEOJ ESV OPC) alone needs " + HEADER_BYTES);
        }
        int ehd1 = u8(frame, 0);
        if (ehd1 != EHD1_ECHONET_LITE) {
            throw new MalformedFrameException(0, String.format("EHD1 at offset 0 is 0x%02X, expected 0x10 (ECHONET Lite)", ehd1));
        }
        int ehd2 = u8(frame, 1);
        if (ehd2 == EHD2_ARBITRARY_FORMAT) {
            throw new MalformedFrameException(1, "EHD2 at offset 1 is 0x82 (arbitrary message format), which has no"
                    + " EPC/PDC/EDT properties; forward the meter's specified-format frames (EHD2 0x81)");
        }
        if (ehd2 != EHD2_SPECIFIED_FORMAT) {
            throw new MalformedFrameException(1, String.format(
                    "EHD2 at offset 1 is 0x%02X, expected 0x81 (specified message format)", ehd2));
        }
        int tid = (u8(frame, 2) << 8) | u8(frame, 3);
        EchonetObject seoj = new EchonetObject(u8(frame, 4), u8(frame, 5), u8(frame, 6));
        EchonetObject deoj = new EchonetObject(u8(frame, 7), u8(frame, 8), u8(frame, 9));
        Esv esv = esv(u8(frame, 10));
        int opc = u8(frame, 11);
        if (opc == 0) {
            throw new MalformedFrameException(11, "OPC at offset 11 is 0; a " + esv.specName()
                    + " carries at least one property");
        }
        List<EchonetProperty> properties = new ArrayList<>(opc);
        int offset = HEADER_BYTES;
        for (int n = 1; n <= opc; n++) {
            if (offset + 2 > frame.length) {
                throw new MalformedFrameException(offset, "frame truncated at offset " + offset + ": property " + n
                        + " of " + opc + " (OPC) needs EPC and PDC (2 bytes), " + (frame.length - offset) + " left");
            }
            int epc = u8(frame, offset);
            int pdc = u8(frame, offset + 1);
            int edtStart = offset + 2;
            if (edtStart + pdc > frame.length) {
                throw new MalformedFrameException(offset + 1, "property " + n + " of " + opc + " ("
                        + EchonetProperty.epcHex(epc) + ") at offset " + offset + ": PDC " + pdc + " runs past the end,"
                        + " its EDT needs bytes " + edtStart + ".." + (edtStart + pdc - 1) + " but the frame has "
                        + frame.length + " bytes (0.." + (frame.length - 1) + ")");
            }
            byte[] edt = new byte[pdc];
            System.arraycopy(frame, edtStart, edt, 0, pdc);
            properties.add(new EchonetProperty(epc, edt));
            offset = edtStart + pdc;
        }
        if (offset != frame.length) {
            throw new MalformedFrameException(offset, (frame.length - offset) + " trailing byte(s) at offset " + offset
                    + " after the last of the " + opc + " properties announced by OPC; fix OPC or drop them");
        }
        return new EchonetFrame(tid, seoj, deoj, esv, properties);
    }

    private static Esv esv(int code) {
        if (code == Esv.INFC_RES) {
            throw new MalformedFrameException(10, "ESV at offset 10 is 0x7A (INFC_Res), the controller's acknowledgement"
                    + " of a notification, which carries no meter data; forward the meter's INFC (0x74) instead");
        }
        return Esv.of(code).orElseThrow(() -> new MalformedFrameException(10, String.format("ESV at offset 10 is 0x%02X,"
                + " which carries no meter data; forward Get_Res (0x72), INF (0x73), INFC (0x74) or Get_SNA (0x52)"
                + " frames", code)));
    }

    private static int u8(byte[] frame, int offset) {
        return frame[offset] & 0xFF;
    }
}
