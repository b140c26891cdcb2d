package org.aems.core.echonet;

import java.util.HexFormat;

/** Test fixtures are literal hex, spaced per field for reading; this only removes the spaces. */
final class Frames {

    private Frames() {
    }

    static byte[] hex(String spaced) {
        return HexFormat.of().parseHex(spaced.replaceAll("\\s+", ""));
    }
}
