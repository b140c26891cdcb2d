package org.aems.ingest.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.aems.core.time.Slot;
import org.aems.core.unit.Energy;
import org.aems.core.unit.Power;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The settlement invariant on generated meters (issue #6): over a JST month, the slots' Wh add up to the
 * register's own delta exactly — not within rounding — including a rollover, across raw readings at
 * irregular times with a few seconds of clock skew, fixed values at only some boundaries; no slot is
 * negative. After a meter replacement, each meter's stretch adds up to that meter's delta exactly and
 * only the replacement slot is estimated.
 */
class RegisterInvariantTest {

    private static final Energy WRAP = Energy.ofWattHours(100_000_000);
    private static final LocalDate FIRST_DAY = LocalDate.of(2026, 5, 1);
    private static final List<Slot> MAY = slotsOfMay();

    private final RegisterDifference registers = new RegisterDifference(Duration.ofHours(2), Power.ofWatts(2_000_000));

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 12);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void slotsAddUpToTheRegisterDeltaExactly(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        // Odd seeds start just below the wrap value so the register rolls over during the month.
        double startWh = seed % 2 == 1 ? WRAP.wattHours() - 500_000 - random.nextInt(500_000) : random.nextInt(50_000_000);
        TrueMeter meter = new TrueMeter(random, startWh, MAY.get(0).start(), MAY.get(MAY.size() - 1).end());
        RegisterSeries series = new RegisterSeries("meter-1", meter.readings(random, MAY, Set.of()), Optional.of(WRAP));

        long sum = 0;
        for (Slot slot : MAY) {
            EnergyInSlot e = registers.over(slot, series, "import");
            assertThat(e.energy()).as("slot %s", slot).isPresent();
            assertThat(e.anomaly()).as("slot %s", slot).isFalse();
            assertThat(e.energy().orElseThrow().wattHours()).as("slot %s is negative", slot).isNotNegative();
            sum += e.energy().orElseThrow().wattHours();
        }

        long delta = meter.registerAt(MAY.get(MAY.size() - 1).end()) - meter.registerAt(MAY.get(0).start())
                + (meter.wrapped() ? WRAP.wattHours() : 0);
        assertThat(meter.wrapped()).isEqualTo(seed % 2 == 1);
        assertThat(sum).isEqualTo(delta);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aReplacedMeterAddsUpPerMeterAndOnlyItsSlotIsEstimated(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int swapSlot = 200 + random.nextInt(1000);
        Slot swap = MAY.get(swapSlot);
        Instant swapAt = swap.start().plusSeconds(300 + random.nextInt(1200));
        List<Slot> before = MAY.subList(0, swapSlot);
        List<Slot> after = MAY.subList(swapSlot + 1, MAY.size());

        TrueMeter old = new TrueMeter(random, 30_000_000 + random.nextInt(1_000_000), MAY.get(0).start(), swapAt);
        TrueMeter fresh = new TrueMeter(random, random.nextInt(100), swapAt.plusSeconds(60), MAY.get(MAY.size() - 1).end());
        // Each meter's stretch is pinned by values fixed at its own ends, as the month is.
        List<RegisterPoint> points = new ArrayList<>(old.readings(random, MAY.subList(0, swapSlot + 1), Set.of(swap.start())));
        points.addAll(fresh.readings(random, MAY.subList(swapSlot, MAY.size()), Set.of(swap.end())));
        RegisterSeries series = new RegisterSeries("meter-1", points, Optional.of(WRAP));

        assertThat(sum(series, before)).isEqualTo(old.registerAt(swap.start()) - old.registerAt(MAY.get(0).start()));
        assertThat(sum(series, after)).isEqualTo(fresh.registerAt(MAY.get(MAY.size() - 1).end()) - fresh.registerAt(swap.end()));
        EnergyInSlot replaced = registers.over(swap, series, "import");
        assertThat(replaced.anomaly()).isTrue();
        assertThat(replaced.estimated(Duration.ofMinutes(30).toMillis())).isTrue();
        long measuredInSwapSlot = old.registerAt(swapAt) - old.registerAt(swap.start()) + fresh.registerAt(swap.end())
                - fresh.registerAt(swapAt.plusSeconds(60));
        // The unmeasured minutes of the swap are estimated at the slot's own measured rate: never less than measured.
        assertThat(replaced.energy().orElseThrow().wattHours()).isBetween(measuredInSwapSlot - 1, measuredInSwapSlot * 2 + 1);
    }

    private long sum(RegisterSeries series, List<Slot> slots) {
        long sum = 0;
        for (Slot slot : slots) {
            EnergyInSlot e = registers.over(slot, series, "import");
            assertThat(e.anomaly()).as("slot %s", slot).isFalse();
            long wh = e.energy().orElseThrow().wattHours();
            assertThat(wh).as("slot %s is negative", slot).isNotNegative();
            sum += wh;
        }
        return sum;
    }

    private static List<Slot> slotsOfMay() {
        List<Slot> slots = new ArrayList<>();
        for (LocalDate day = FIRST_DAY; day.getMonthValue() == 5; day = day.plusDays(1)) {
            for (int n = 1; n <= 48; n++) {
                slots.add(Slot.of(day, n));
            }
        }
        return slots;
    }

    /**
     * A household meter: import power changing every minute (0–6 kW), the register the whole Wh it has
     * counted, wrapping at {@link #WRAP}.
     */
    private static final class TrueMeter {
        private final Instant from;
        private final Instant until;
        private final double[] cumulativeByMinute;
        private final double startWh;

        TrueMeter(SplittableRandom random, double startWh, Instant from, Instant until) {
            this.from = from;
            this.until = until;
            this.startWh = startWh;
            int minutes = (int) Duration.between(from, until).toMinutes() + 2;
            cumulativeByMinute = new double[minutes + 1];
            double watts = 500;
            for (int m = 1; m <= minutes; m++) {
                watts = Math.max(0, Math.min(6000, watts + random.nextGaussian() * 400));
                cumulativeByMinute[m] = cumulativeByMinute[m - 1] + watts / 60;
            }
        }

        /** The register as the meter shows it at {@code at}: whole Wh counted, wrapped. */
        long registerAt(Instant at) {
            return (long) Math.floor(unwrapped(at)) % WRAP.wattHours();
        }

        boolean wrapped() {
            return unwrapped(until) >= WRAP.wattHours();
        }

        private double unwrapped(Instant at) {
            double minutes = Duration.between(from, at).toMillis() / 60_000.0;
            int m = (int) Math.floor(minutes);
            double frac = minutes - m;
            return startWh + cumulativeByMinute[m] + (cumulativeByMinute[m + 1] - cumulativeByMinute[m]) * frac;
        }

        /**
         * Raw readings every 1–5 minutes stamped with up to ±5 s of clock skew, and the values fixed at
         * boundaries (0xEA) for about half the slots, always at the first and last and at {@code pinned}.
         */
        List<RegisterPoint> readings(SplittableRandom random, List<Slot> slots, Set<Instant> pinned) {
            List<RegisterPoint> points = new ArrayList<>();
            Instant first = slots.get(0).start().isBefore(from) ? from : slots.get(0).start();
            Instant last = slots.get(slots.size() - 1).end();
            if (until.isBefore(last)) {
                last = until;
            }
            for (Instant t = first.plusSeconds(random.nextInt(60)); t.isBefore(last); t = t.plusSeconds(60 + random.nextInt(240))) {
                Instant stamped = t.plusMillis(random.nextInt(-5000, 5001));
                points.add(new RegisterPoint(stamped, registerAt(t), false));
            }
            for (int i = 0; i <= slots.size(); i++) {
                Instant boundary = i < slots.size() ? slots.get(i).start() : slots.get(i - 1).end();
                boolean edge = i == 0 || i == slots.size() || pinned.contains(boundary);
                if (!boundary.isBefore(from) && !boundary.isAfter(until) && (edge || random.nextBoolean())) {
                    points.add(new RegisterPoint(boundary, registerAt(boundary), true));
                }
            }
            if (!first.equals(slots.get(0).start())) {
                points.add(new RegisterPoint(first, registerAt(first), false));
            }
            if (last.equals(until)) {
                points.add(new RegisterPoint(last, registerAt(last), false));
            }
            return points;
        }
    }
}
