package org.aems.simulators.mqtt;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;

/** Counters of one run, for the progress log and the end-of-run summary. Thread-safe. */
public final class RunStats {
    public final AtomicLong telemetry = new AtomicLong();
    public final AtomicLong otherMessages = new AtomicLong();
    public final AtomicLong failed = new AtomicLong();
    public final AtomicLong commandsReceived = new AtomicLong();
    public final AtomicLong commandsAccepted = new AtomicLong();
    public final AtomicLong commandsRejected = new AtomicLong();
    public final AtomicLong commandsMalformed = new AtomicLong();
    public final AtomicLong commandsMissed = new AtomicLong();
    public final AtomicLong fallbacks = new AtomicLong();
    public final AtomicLong faults = new AtomicLong();
    public final AtomicLong meterReplacements = new AtomicLong();
    public final DoubleAdder pvWh = new DoubleAdder();
    public final DoubleAdder loadWh = new DoubleAdder();
    public final DoubleAdder importWh = new DoubleAdder();
    public final DoubleAdder exportWh = new DoubleAdder();
    public final DoubleAdder batteryChargeWh = new DoubleAdder();
    public final DoubleAdder batteryDischargeWh = new DoubleAdder();
    public final DoubleAdder evChargeWh = new DoubleAdder();
    public final DoubleAdder evDischargeWh = new DoubleAdder();

    /** Every MQTT message sent: telemetry, duplicates, backfill, malformed, status and acks. */
    public long messages() {
        return telemetry.get() + otherMessages.get();
    }
}
