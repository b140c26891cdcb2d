package org.aems.core.telemetry;

import java.util.List;
import java.util.Objects;

/** The outcome of decoding one MQTT telemetry payload. */
public sealed interface DecodeResult permits DecodeResult.Decoded, DecodeResult.Refused {

    /**
     * The message was understood. {@code rejectedReadings} lists readings that failed validation;
     * the others are in {@code message.readings()} and are to be stored.
     */
    record Decoded(TelemetryMessage message, List<Rejection> rejectedReadings) implements DecodeResult {
        public Decoded {
            Objects.requireNonNull(message, "message");
            rejectedReadings = List.copyOf(rejectedReadings);
        }
    }

    /** The whole message was refused; nothing in it is stored. */
    record Refused(Rejection rejection) implements DecodeResult {
        public Refused {
            Objects.requireNonNull(rejection, "rejection");
        }
    }
}
