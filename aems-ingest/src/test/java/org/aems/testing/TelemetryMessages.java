package org.aems.testing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.aems.core.telemetry.TelemetryCodec;

/**
 * The typical gateway message (10 readings, ~1 KB) for a set of sites. Message {@code i} is always the
 * same bytes, so a replay is an exact repeat.
 */
public final class TelemetryMessages {

    public static final int READINGS_PER_MESSAGE = 10;

    private final List<String> sites;
    private final Instant base;
    private final long stepSeconds;

    public TelemetryMessages(List<String> sites, Instant base) {
        this(sites, base, 1);
    }

    /** @param stepSeconds time between two messages of the same site */
    public TelemetryMessages(List<String> sites, Instant base, long stepSeconds) {
        this.sites = List.copyOf(sites);
        this.base = base;
        this.stepSeconds = stepSeconds;
    }

    /** Message {@code i}: site {@code i mod sites}, measured at base + (i / sites) seconds. */
    public byte[] message(long i) {
        String site = sites.get((int) (i % sites.size()));
        String ts = TelemetryCodec.format(timestampOf(i));
        StringBuilder json = new StringBuilder(1100);
        json.append("{\"schema\":\"aems.telemetry.v1\",\"messageId\":\"").append(site).append('-').append(i)
                .append("\",\"siteId\":\"").append(site).append("\",\"sentAt\":\"").append(ts).append("\",\"readings\":[");
        reading(json, "meter-1", "meter.power", -1520 + i % 97, "W", ts).append(',');
        // Registers grow with time, not with i: messages of a site from two generators (a backlog and live
        // data) interleave consistently, as a real meter's would (ingest refuses a register going backwards).
        long r = registerStep(i);
        reading(json, "meter-1", "meter.import.energy", 5_021_345 + r, "Wh", ts).append(',');
        reading(json, "meter-1", "meter.export.energy", 1_203_456 + 2 * r, "Wh", ts).append(',');
        reading(json, "pv-1", "pv.power", 3840 + i % 13, "W", ts).append(',');
        reading(json, "pv-1", "pv.energy", 9_876_543 + 3 * r, "Wh", ts).append(',');
        reading(json, "bat-1", "battery.power", 2000 - i % 7, "W", ts).append(',');
        reading(json, "bat-1", "battery.soc", 56 + i % 40, "%", ts).append(',');
        reading(json, "load", "load.power", 320 + i % 50, "W", ts).append(',');
        reading(json, "ev-1", "ev.power", 0, "W", ts).append(',');
        reading(json, "ev-1", "ev.plugged", i % 2, "bool", ts);
        return json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    public Instant timestampOf(long i) {
        return base.plusSeconds(i / sites.size() * stepSeconds);
    }

    /** One step per 100 s since 2023-11-14: monotone in the message's timestamp. */
    private long registerStep(long i) {
        return (timestampOf(i).getEpochSecond() - 1_700_000_000L) / 100;
    }

    public String siteOf(long i) {
        return sites.get((int) (i % sites.size()));
    }

    private static StringBuilder reading(StringBuilder json, String device, String quantity, long value, String unit, String ts) {
        return json.append("{\"device\":\"").append(device).append("\",\"quantity\":\"").append(quantity)
                .append("\",\"value\":").append(value).append(",\"unit\":\"").append(unit).append("\",\"ts\":\"")
                .append(ts).append("\"}");
    }

}
