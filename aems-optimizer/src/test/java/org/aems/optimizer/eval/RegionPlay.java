package org.aems.optimizer.eval;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.aems.core.grid.Feeder;
import org.aems.core.grid.FeederId;
import org.aems.core.grid.SiteId;
import org.aems.core.telemetry.Command;
import org.aems.core.telemetry.CommandAck;
import org.aems.core.telemetry.Quantity;
import org.aems.core.telemetry.Reading;
import org.aems.core.time.Slot;
import org.aems.simulators.ev.EvModel;
import org.aems.simulators.region.RegionModel;
import org.aems.simulators.site.SiteModel;
import org.aems.simulators.site.SiteStep;
import org.aems.simulators.site.StepContext;

/**
 * The simulated region played slot by slot in 5-minute physics steps (no MQTT: the evaluation runs days of a
 * city in minutes; the transport is covered by DispatchIT and OptimizerCycleIT). What it reports is the
 * simulator's ground truth, never a plan.
 */
final class RegionPlay {

    static final Duration STEP = Duration.ofMinutes(5);

    private final RegionModel model;
    private final List<SiteModel> sites;
    private final Map<SiteId, SiteModel> bySite = new HashMap<>();
    private final int[] feederOfSite;
    private final List<FeederId> feeders;
    private final Map<String, Double> socPercent = new HashMap<>();
    private int accepted;
    private int refused;

    RegionPlay(RegionModel model) {
        this.model = model;
        this.sites = model.sites();
        this.feeders = model.region().feeders().stream().map(Feeder::id).toList();
        Map<FeederId, Integer> index = new LinkedHashMap<>();
        for (int f = 0; f < feeders.size(); f++) {
            index.put(feeders.get(f), f);
        }
        this.feederOfSite = new int[sites.size()];
        for (int s = 0; s < sites.size(); s++) {
            SiteModel site = sites.get(s);
            bySite.put(site.site().id(), site);
            feederOfSite[s] = index.get(model.region().feederOf(site.site().id()).orElseThrow().id());
        }
    }

    /** The shared vehicles, keyed {@code siteId/chargerId} as the registry names their chargers. */
    Map<String, EvModel> evs() {
        Map<String, EvModel> evs = new HashMap<>();
        sites.forEach(site -> site.evsInto(evs));
        return evs;
    }

    /** Departures so far over all vehicles, and those that left with less than their member booked. */
    int[] evDepartures() {
        return SiteModel.evDepartures(sites);
    }

    List<FeederId> feeders() {
        return feeders;
    }

    /** Last state of charge (%) per battery, keyed {@code siteId/deviceId}. */
    Map<String, Double> socPercent() {
        return socPercent;
    }

    /** Hands a command to its site's devices as the gateway would. */
    void command(Command command, Instant now) {
        CommandAck ack = bySite.get(command.siteId()).handle(command, now);
        if (ack.status() == CommandAck.Status.ACCEPTED) {
            accepted++;
        } else {
            refused++;
        }
    }

    int accepted() {
        return accepted;
    }

    int refused() {
        return refused;
    }

    /** Plays one slot and returns what happened on each feeder. */
    SlotTruth play(Slot slot) {
        int n = feeders.size();
        SlotTruth truth = new SlotTruth(slot, n);
        int steps = (int) (Slot.DURATION.toMinutes() / STEP.toMinutes());
        double hours = STEP.toSeconds() / 3600.0;
        for (int i = 1; i <= steps; i++) {
            StepContext ctx = model.context(slot.start().plus(STEP.multipliedBy(i)), STEP);
            SiteStep[] results = new SiteStep[sites.size()];
            IntStream.range(0, sites.size()).parallel().forEach(s -> results[s] = sites.get(s).step(ctx));
            for (int s = 0; s < results.length; s++) {
                SiteStep r = results[s];
                int f = feederOfSite[s];
                truth.netWh[f] += r.meterW() * hours;
                truth.pvWh[f] += r.pvW() * hours;
                truth.loadWh[f] += (r.loadW() + r.evW()) * hours;
                truth.batteryWh[f] += r.batteryW() * hours;
                truth.evWh[f] += r.evW() * hours;
                if (i == steps) {
                    for (Reading reading : r.readings()) {
                        if (reading.quantity() == Quantity.BATTERY_SOC) {
                            socPercent.put(r.site().value() + "/" + reading.device().value(), reading.value());
                        }
                    }
                }
            }
        }
        return truth;
    }

    /** Plays whole days without commands (the history the forecasts learn from). */
    List<SlotTruth> playDays(Slot from, Slot until) {
        List<SlotTruth> out = new ArrayList<>();
        for (Slot s = from; s.compareTo(until) < 0; s = s.next()) {
            out.add(play(s));
        }
        return out;
    }
}
