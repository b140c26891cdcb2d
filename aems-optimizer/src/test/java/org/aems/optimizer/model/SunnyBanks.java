package org.aems.optimizer.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.aems.core.grid.BankId;
import org.aems.core.grid.FeederId;
import org.aems.core.grid.FlowLimits;
import org.aems.core.unit.Efficiency;
import org.aems.core.unit.Energy;
import org.aems.core.unit.Power;
import org.aems.core.unit.YenPerKwh;

/**
 * A deterministic, realistic-sized bank for a sunny day from 00:00: feeders with a midday PV surplus
 * over their reverse-flow limit, home batteries, shared EVs, curtailable PV on some, prices with a
 * cheap midday. For tests that need more than a hand-sized instance.
 */
public final class SunnyBanks {

    private SunnyBanks() {
    }

    public static BankProblem of(int feeders, int batteriesPerFeeder, int evsPerFeeder, long seed) {
        Random random = new Random(seed);
        int n = 48;
        List<FeederProblem> list = new ArrayList<>();
        for (int f = 0; f < feeders; f++) {
            List<Energy> base = new ArrayList<>();
            List<Energy> curtailable = new ArrayList<>();
            double pvPeak = 600 + random.nextInt(400); // kWh per slot at noon, whole feeder
            for (int t = 0; t < n; t++) {
                double hour = t / 2.0 + 0.25;
                double load = 250 + 150 * Math.exp(-Math.pow(hour - 19, 2) / 6) + 60 * Math.exp(-Math.pow(hour - 8, 2) / 3);
                double sun = Math.max(0, Math.cos((hour - 12) / 7 * Math.PI / 2));
                double pv = pvPeak * Math.pow(sun, 1.5);
                base.add(kwh(load - 0.8 * pv));
                curtailable.add(kwh(0.2 * pv));
            }
            List<StorageUnit> storage = new ArrayList<>();
            for (int b = 0; b < batteriesPerFeeder; b++) {
                // The home battery models of the odawara scenario (OdawaraScenarioGenerator): kWh and kW.
                int model = random.nextInt(4);
                double cap = new double[] {5.6, 7.7, 9.8, 12.7}[model];
                Power rating = Power.ofKilowatts(new double[] {2.0, 3.0, 3.0, 4.0}[model]);
                storage.add(new StorageUnit("bat-" + f + "-" + b, kwhE(cap), rating, rating, Efficiency.of(0.95), Efficiency.of(0.95),
                        kwhE(cap * (0.2 + 0.3 * random.nextDouble())), kwhE(cap * 0.3)));
            }
            List<EvBooking> evs = new ArrayList<>();
            for (int e = 0; e < evsPerFeeder; e++) {
                int from = 18 + random.nextInt(8);
                evs.add(new EvBooking("ev-" + f + "-" + e, from, Math.min(n, from + 6 + random.nextInt(20)), kwhE(5 + random.nextInt(20)), kwhE(32),
                        Power.ofWatts(6_000), e % 3 == 0 ? Power.ofWatts(6_000) : Power.ZERO, Efficiency.of(0.92)));
            }
            list.add(new FeederProblem(FeederId.of("feeder-" + f), Collections.nCopies(n, new FlowLimits(Power.ofKilowatts(600), Power.ofKilowatts(2_000))),
                    base, curtailable, storage, evs));
        }
        List<YenPerKwh> purchase = new ArrayList<>();
        List<YenPerKwh> sale = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            double hour = t / 2.0;
            double price = hour >= 9 && hour < 15 ? 4 + random.nextInt(3) : 12 + random.nextInt(10);
            purchase.add(YenPerKwh.of(String.valueOf(price)));
            sale.add(YenPerKwh.of(String.valueOf(price - 1)));
        }
        return new BankProblem(BankId.of("bank-sunny"), java.util.stream.IntStream.range(0, n).mapToObj(t -> org.aems.core.time.Slot.of(Problems.DAY, 1).plus(t)).toList(),
                Collections.nCopies(n, new FlowLimits(Power.ofKilowatts(600.0 * feeders), Power.ofKilowatts(5_000.0 * feeders))),
                list, purchase, sale, Optional.empty(), Penalties.DEFAULT);
    }

    private static Energy kwh(double kwh) {
        return Energy.ofWattHours(Math.round(kwh * 1000));
    }

    private static Energy kwhE(double kwh) {
        return kwh(kwh);
    }
}
