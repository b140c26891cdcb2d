package org.aems.simulators.truth;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import org.aems.core.grid.SiteId;
import org.aems.core.telemetry.Command;
import org.aems.core.telemetry.CommandAck;
import org.aems.simulators.fault.FaultKind;
import org.aems.simulators.site.SiteStep;

/**
 * Writes what really happened, for scoring forecasts, optimizer KPIs and settlement against the truth:
 * {@code sites.csv} (one row per site and step), {@code commands.csv} (every command received and its
 * answer) and {@code faults.csv} (every fault injected). Times are UTC ISO-8601 instants, powers W
 * averaged over the step ending at {@code ts}, energies Wh. Thread-safe.
 */
public final class GroundTruth implements AutoCloseable {

    private final BufferedWriter sites;
    private final BufferedWriter commands;
    private final BufferedWriter faults;

    public GroundTruth(Path directory) {
        try {
            Files.createDirectories(directory);
            sites = Files.newBufferedWriter(directory.resolve("sites.csv"));
            commands = Files.newBufferedWriter(directory.resolve("commands.csv"));
            faults = Files.newBufferedWriter(directory.resolve("faults.csv"));
            sites.write("ts,site,pv_w,load_w,battery_w,battery_soc,ev_w,ev_plugged,ev_soc,meter_w,import_wh,export_wh,"
                    + "commanded_devices,fallbacks\n");
            commands.write("ts,site,command_id,device,action,setpoint_w,valid_from,valid_until,status,reason\n");
            faults.write("ts,site,fault,detail\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write ground truth to " + directory + ": " + e.getMessage(), e);
        }
    }

    public synchronized void step(SiteStep s) {
        write(sites, String.format(Locale.ROOT, "%s,%s,%.0f,%.0f,%.0f,%s,%.0f,%d,%s,%.0f,%d,%d,%d,%d%n", s.at(), s.site().value(),
                s.pvW(), s.loadW(), s.batteryW(), pct(s.batterySoc()), s.evW(), s.evPlugged(), pct(s.evSoc()), s.meterW(),
                s.importWh(), s.exportWh(), s.commanded(), s.fallbacks()));
    }

    public synchronized void command(Instant at, Command c, CommandAck ack) {
        write(commands, String.join(",", at.toString(), c.siteId().value(), quote(c.commandId()), c.device().value(),
                c.action().name(), c.setpointWatts().toPlainString(), c.validFrom().toString(), c.validUntil().toString(),
                ack.status().name(), quote(ack.reason())) + "\n");
    }

    public synchronized void fault(Instant at, SiteId site, FaultKind kind, String detail) {
        write(faults, String.join(",", at.toString(), site.value(), kind.name(), quote(detail)) + "\n");
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.1f", v);
    }

    /** RFC 4180 quoting for the free-text fields. */
    private static String quote(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    private static void write(BufferedWriter out, String line) {
        try {
            out.write(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            sites.close();
            commands.close();
            faults.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
