package org.aems.core.echonet;

import java.util.Objects;
import java.util.Optional;
import org.aems.core.telemetry.DecodeResult;

/**
 * The outcome of decoding one {@code aems.echonet.v1} payload.
 *
 * @param result    readings and rejections, exactly as {@link org.aems.core.telemetry.TelemetryCodec} gives them
 * @param lastScale the last scale a frame of this message carried, merged with the known one; empty when
 *                  no frame carried 0xE1/0xD3/0xD7 (keep what you had) or the message was refused
 */
public record EchonetDecoding(DecodeResult result, Optional<DeviceScale> lastScale) {

    public EchonetDecoding {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(lastScale, "lastScale");
    }
}
