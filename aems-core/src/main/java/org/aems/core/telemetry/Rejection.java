package org.aems.core.telemetry;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * Why a message or one of its readings was not accepted, phrased for the gateway's owner.
 *
 * @param reason       stable code
 * @param detail       what is wrong and what to send instead
 * @param readingIndex position of the reading in the message's {@code readings} array, or -1 for the whole message
 */
public record Rejection(RejectionReason reason, String detail, int readingIndex) {

    public Rejection {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
        if (readingIndex < -1) {
            throw new IllegalArgumentException("reading index must be >= -1, was " + readingIndex);
        }
    }

    public static Rejection ofMessage(RejectionReason reason, String detail) {
        return new Rejection(reason, detail, -1);
    }

    public static Rejection ofReading(int index, RejectionReason reason, String detail) {
        return new Rejection(reason, detail, index);
    }

    public OptionalInt reading() {
        return readingIndex < 0 ? OptionalInt.empty() : OptionalInt.of(readingIndex);
    }

    @Override
    public String toString() {
        return reason + (readingIndex >= 0 ? " (readings[" + readingIndex + "])" : "") + ": " + detail;
    }
}
