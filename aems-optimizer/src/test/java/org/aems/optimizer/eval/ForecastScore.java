package org.aems.optimizer.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.aems.core.grid.FeederId;
import org.aems.core.time.Slot;

/**
 * Accuracy of the forecasts the rolling plans were built on, against the simulator's truth, per feeder and
 * slot: MAE and nMAE (MAE ÷ mean actual) per horizon band, for demand and for PV (PV over daylight slots
 * only, where its actual exceeds 1 % of the feeder's peak, so nights do not flatter it).
 */
final class ForecastScore {

    /** Horizon bands in slots ahead of the slot under way: [from, to). */
    static final int[][] BANDS = {{0, 1}, {1, 2}, {2, 12}, {12, 48}, {48, 96}};
    static final String[] NAMES = {"this slot", "next slot", "1-6 h", "6-24 h", "24-48 h"};

    private record Issued(FeederId feeder, List<Slot> slots, double[] demand, double[] pv) {
    }

    private final List<Issued> issued = new ArrayList<>();

    void add(FeederId feeder, List<Slot> slots, double[] demand, double[] pv) {
        issued.add(new Issued(feeder, slots, demand, pv));
    }

    /** One line per quantity: nMAE per band, where the truth is known. */
    List<String> report(Map<FeederId, TreeMap<Slot, Double>> demandTruth, Map<FeederId, TreeMap<Slot, Double>> pvTruth) {
        return List.of(line("demand", demandTruth, true), line("PV", pvTruth, false));
    }

    private String line(String name, Map<FeederId, TreeMap<Slot, Double>> truth, boolean demand) {
        double[] absError = new double[BANDS.length];
        double[] actual = new double[BANDS.length];
        int[] count = new int[BANDS.length];
        for (Issued i : issued) {
            TreeMap<Slot, Double> real = truth.get(i.feeder());
            double peak = real.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
            double[] forecast = demand ? i.demand() : i.pv();
            for (int b = 0; b < BANDS.length; b++) {
                for (int t = BANDS[b][0]; t < Math.min(BANDS[b][1], i.slots().size()); t++) {
                    Double a = real.get(i.slots().get(t));
                    if (a == null || (!demand && a < 0.01 * peak)) {
                        continue;
                    }
                    absError[b] += Math.abs(forecast[t] - a);
                    actual[b] += a;
                    count[b]++;
                }
            }
        }
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "forecast nMAE %-6s (feeders, vs truth):", name));
        for (int b = 0; b < BANDS.length; b++) {
            out.append(count[b] == 0 ? String.format(Locale.ROOT, " %s -;", NAMES[b])
                    : String.format(Locale.ROOT, " %s %.1f %% (MAE %.0f kWh);", NAMES[b], 100 * absError[b] / actual[b],
                    absError[b] / count[b] / 1000));
        }
        return out.toString();
    }
}
