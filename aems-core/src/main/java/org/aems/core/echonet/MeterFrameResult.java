package org.aems.core.echonet;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.aems.core.telemetry.Reading;
import org.aems.core.telemetry.Rejection;
import org.aems.core.telemetry.RejectionReason;

/**
 * What one smart-meter frame yielded.
 *
 * @param readings          in canonical units (W, Wh), in property order
 * @param rejections        property problems, {@link Rejection#readingIndex()} = the property's index in
 *                          the frame (0-based); or one {@link RejectionReason#ECHONET_MALFORMED} with
 *                          index -1 when the frame as a whole is refused
 * @param scale             the meter's scale if the frame carried 0xE1/0xD3/0xD7 (merged with the known
 *                          scale, see {@link EchonetMeterDecoder}), for the caller to remember per device
 * @param propertyCount     the number of properties in the frame (its OPC); 0 for a refused frame
 * @param ignoredProperties properties that carried nothing AEMS uses: EPCs it does not read, and
 *                          properties a Get_SNA could not answer (PDC 0)
 */
public record MeterFrameResult(List<Reading> readings, List<Rejection> rejections, Optional<MeterScale> scale,
                               int propertyCount, int ignoredProperties) {

    public MeterFrameResult {
        readings = List.copyOf(readings);
        rejections = List.copyOf(rejections);
        Objects.requireNonNull(scale, "scale");
        if (propertyCount < 0 || ignoredProperties < 0 || ignoredProperties > propertyCount) {
            throw new IllegalArgumentException("need 0 <= ignored (" + ignoredProperties + ") <= properties ("
                    + propertyCount + ")");
        }
    }

    /** The frame as a whole cannot be used. */
    static MeterFrameResult refused(String detail) {
        return new MeterFrameResult(List.of(), List.of(Rejection.ofMessage(RejectionReason.ECHONET_MALFORMED, detail)),
                Optional.empty(), 0, 0);
    }

    /** True when the whole frame was refused (malformed, wrong ESV or not a meter). */
    public boolean refused() {
        return rejections.size() == 1 && rejections.get(0).readingIndex() < 0;
    }
}
