package org.aems.core.echonet;

import java.util.Arrays;
import java.util.Optional;

/**
 * The ECHONET Lite services (ESV) whose frames carry a meter's property values, the only ones AEMS
 * accepts. Requests (0x60–0x6F), Set responses and acknowledgements such as INFC_Res (0x7A) carry
 * no measurements.
 */
public enum Esv {
    /** Property value read response, not possible (0x52): only the properties with PDC &gt; 0 carry values. */
    GET_SNA(0x52, "Get_SNA"),
    /** Property value read response (0x72). */
    GET_RES(0x72, "Get_Res"),
    /** Property value notification (0x73), e.g. the meter's 0xEA every 30 minutes. */
    INF(0x73, "INF"),
    /** Property value notification requiring a response (0x74). */
    INFC(0x74, "INFC");

    /** INFC_Res: the controller's acknowledgement of an INFC. */
    static final int INFC_RES = 0x7A;

    private final int code;
    private final String specName;

    Esv(int code, String specName) {
        this.code = code;
        this.specName = specName;
    }

    public int code() {
        return code;
    }

    /** The name the specification uses, e.g. "Get_Res". */
    public String specName() {
        return specName;
    }

    /** True when properties with PDC 0 are ones the device could not answer (and are to be skipped). */
    public boolean partial() {
        return this == GET_SNA;
    }

    public static Optional<Esv> of(int code) {
        return Arrays.stream(values()).filter(esv -> esv.code == code).findFirst();
    }

    @Override
    public String toString() {
        return specName + String.format(" (0x%02X)", code);
    }
}
