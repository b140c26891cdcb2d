package org.aems.api.telemetry;

/**
 * One stored reading. {@code value} is in {@code unit} (the quantity's canonical unit: W, Wh, %, bool);
 * timestamps are ISO-8601 in JST (+09:00).
 */
public record ReadingView(String device, String quantity, Number value, String unit, String ts, String messageId,
                          String receivedAt) {
}
