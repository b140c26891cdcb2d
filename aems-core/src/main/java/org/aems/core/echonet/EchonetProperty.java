package org.aems.core.echonet;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * One property of a frame: its code (EPC) and value (EDT, big-endian as ECHONET Lite sends it). The
 * PDC is the length of the EDT; 0 means "no value" (a request, or a property a Get_SNA could not
 * answer).
 */
public record EchonetProperty(int epc, byte[] edt) {

    public EchonetProperty {
        if (epc < 0 || epc > 0xFF) {
            throw new IllegalArgumentException("EPC must be 0x00..0xFF, was " + epc);
        }
        edt = edt.clone();
    }

    /** A copy of the value bytes. */
    @Override
    public byte[] edt() {
        return edt.clone();
    }

    /** The number of value bytes. */
    public int pdc() {
        return edt.length;
    }

    /** Reads an unsigned char at {@code offset} of the EDT. */
    public int unsignedByte(int offset) {
        return edt[offset] & 0xFF;
    }

    /** Reads an unsigned short (2 bytes, big-endian) at {@code offset} of the EDT. */
    public int unsignedShort(int offset) {
        return (unsignedByte(offset) << 8) | unsignedByte(offset + 1);
    }

    /** Reads an unsigned long (ECHONET Lite's 4-byte unsigned, big-endian) at {@code offset} of the EDT. */
    public long unsignedInt(int offset) {
        return signedInt(offset) & 0xFFFF_FFFFL;
    }

    /** Reads a signed long (ECHONET Lite's 4-byte two's complement, big-endian) at {@code offset} of the EDT. */
    public int signedInt(int offset) {
        return (unsignedByte(offset) << 24) | (unsignedByte(offset + 1) << 16) | (unsignedByte(offset + 2) << 8)
                | unsignedByte(offset + 3);
    }

    /** The EPC as the specification writes it, e.g. {@code 0xE7}. */
    public static String epcHex(int epc) {
        return String.format("0x%02X", epc);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EchonetProperty p && p.epc == epc && Arrays.equals(p.edt, edt);
    }

    @Override
    public int hashCode() {
        return 31 * epc + Arrays.hashCode(edt);
    }

    @Override
    public String toString() {
        return epcHex(epc) + "[" + edt.length + "]=" + HexFormat.of().withUpperCase().formatHex(edt);
    }
}
