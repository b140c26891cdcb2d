package org.aems.ingest.rollup;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.aems.core.time.Slot;
import org.aems.core.unit.Energy;
import org.aems.core.unit.Power;

/**
 * The energy of a slot from a cumulative register: its value at the end boundary minus its value at the
 * start boundary, never by integrating power.
 *
 * <ul>
 *   <li>Fixed values at both boundaries (0xEA/0xEB) are used as they are: {@link IntervalSource#FIXED_VALUE}.
 *   <li>Otherwise the register is taken as linear between consecutive points, which interpolates it at
 *       each boundary from the nearest points before and after, provided they are at most
 *       {@code maxGap} apart: {@link IntervalSource#REGISTER_INTERPOLATED}. Inside the slot a register
 *       loses nothing between readings, so gaps there do not matter. The energy is the difference of the
 *       boundary values each rounded to the Wh, so consecutive slots add up to the register's delta exactly.
 *   <li>A step down is a rollover when the register's wrap value explains it with a plausible energy
 *       (at most {@code maxSitePower} sustained over the step, or over one slot if the step is shorter):
 *       the wrap value is added. Any other step down, or a jump up that no plausible power explains, is a
 *       meter replacement or reset: that stretch is left out, never counted as negative, and the rest
 *       of the slot is pro-rated and flagged.
 * </ul>
 */
final class RegisterDifference {

    /**
     * A raw reading stamped by the gateway's clock may sit a few seconds on the wrong side of a boundary
     * and so slightly above the value the meter fixed there: a decrease of at most one unit of the
     * coarsest register resolution (1 kWh, ECHONET Lite 0xE1) between a raw reading and a fixed value is
     * clock skew, not a reset.
     */
    static final double SKEW_TOLERANCE_WH = 1000;

    private final Duration maxGap;
    private final Power maxSitePower;

    RegisterDifference(Duration maxGap, Power maxSitePower) {
        this.maxGap = Objects.requireNonNull(maxGap, "maxGap");
        this.maxSitePower = Objects.requireNonNull(maxSitePower, "maxSitePower");
    }

    /**
     * @param label names the register in notes, e.g. "import"
     * @return the slot's energy; empty (source NONE) when the points bracket no part of the slot
     */
    EnergyInSlot over(Slot slot, RegisterSeries series, String label) {
        Instant start = slot.start();
        Instant end = slot.end();
        long slotMillis = Duration.between(start, end).toMillis();
        List<RegisterPoint> points = series.points();
        List<String> notes = new ArrayList<>();

        RegisterPoint fixedStart = fixedAt(points, start);
        RegisterPoint fixedEnd = fixedAt(points, end);
        if (fixedStart != null && fixedEnd != null) {
            Step step = step(fixedStart, fixedEnd, series, slotMillis);
            if (step.kind != StepKind.DISCONTINUITY) {
                if (step.kind == StepKind.ROLLOVER) {
                    notes.add(rolledOver(label, series));
                }
                return new EnergyInSlot(Optional.of(Energy.ofWattHours(Math.round(step.increase))), slotMillis,
                        IntervalSource.FIXED_VALUE, false, notes);
            }
            // The fixed values contradict each other: let the readings between them say what they can.
        }

        double energy = 0;
        long covered = 0;
        boolean anomaly = false;
        boolean rolledOver = false;
        for (int i = 0; i + 1 < points.size(); i++) {
            RegisterPoint p = points.get(i);
            RegisterPoint q = points.get(i + 1);
            Instant from = p.at().isAfter(start) ? p.at() : start;
            Instant to = q.at().isBefore(end) ? q.at() : end;
            if (!from.isBefore(to)) {
                continue;
            }
            long span = Duration.between(p.at(), q.at()).toMillis();
            if (span > maxGap.toMillis()) {
                continue; // too far apart to say how the energy splits between slots
            }
            Step step = step(p, q, series, slotMillis);
            if (step.kind == StepKind.DISCONTINUITY) {
                anomaly = true;
                notes.add(label + ": register " + (q.wattHours() < p.wattHours() ? "dropped" : "jumped") + " from "
                        + wh(p.wattHours()) + " to " + wh(q.wattHours()) + " Wh between " + p.at() + " and " + q.at()
                        + " (meter " + series.device() + " replaced or reset?); that stretch is not counted");
                continue;
            }
            if (step.kind == StepKind.ROLLOVER) {
                notes.add(rolledOver(label, series));
                rolledOver = true;
            }
            long overlap = Duration.between(from, to).toMillis();
            energy += step.increase * overlap / span;
            covered += overlap;
        }
        if (covered >= slotMillis && !anomaly) {
            OptionalLong exact = boundaryDifference(points, start, end, series, slotMillis, rolledOver);
            if (exact.isPresent()) {
                return new EnergyInSlot(Optional.of(Energy.ofWattHours(exact.getAsLong())), slotMillis,
                        IntervalSource.REGISTER_INTERPOLATED, false, notes);
            }
        }
        if (covered > 0 && covered < slotMillis) {
            notes.add(label + ": register covers " + percent(covered, slotMillis) + " of the slot; pro-rated");
        }
        return EnergyInSlot.proRated(energy, covered, slotMillis, IntervalSource.REGISTER_INTERPOLATED, anomaly, notes);
    }

    /**
     * A fully covered slot's energy as the register's whole-Wh value at its end minus that at its start.
     * Rounding the boundary values, not each slot's difference, makes consecutive slots telescope: a month of
     * slots adds up to the register's own delta to the Wh, where rounding 1,488 differences drifted by tens
     * of Wh. A boundary's value is the meter's fixed value there, else the register interpolated between the
     * points around it — the same for the slots on both sides. Empty when the boundaries disagree with the
     * steps between them (a reading skewed past a fixed value makes the difference negative): the caller
     * then sums the steps.
     */
    private OptionalLong boundaryDifference(List<RegisterPoint> points, Instant start, Instant end, RegisterSeries series,
                                            long slotMillis, boolean rolledOver) {
        OptionalDouble from = valueAt(points, start, series, slotMillis);
        OptionalDouble to = valueAt(points, end, series, slotMillis);
        if (from.isEmpty() || to.isEmpty()) {
            return OptionalLong.empty();
        }
        long difference = Math.round(to.getAsDouble()) - Math.round(from.getAsDouble());
        if (difference < 0 && rolledOver && series.rollover().isPresent()) {
            difference += series.rollover().get().wattHours();
        }
        double plausible = maxSitePower.watts() * (slotMillis / 3_600_000.0);
        return difference >= 0 && difference <= plausible ? OptionalLong.of(difference) : OptionalLong.empty();
    }

    /** The register's value at a boundary, wrapped like the register itself. */
    private OptionalDouble valueAt(List<RegisterPoint> points, Instant at, RegisterSeries series, long slotMillis) {
        RegisterPoint fixed = fixedAt(points, at);
        if (fixed != null) {
            return OptionalDouble.of(fixed.wattHours());
        }
        for (int i = 0; i + 1 < points.size(); i++) {
            RegisterPoint p = points.get(i);
            RegisterPoint q = points.get(i + 1);
            if (p.at().isAfter(at) || q.at().isBefore(at)) {
                continue;
            }
            long span = Duration.between(p.at(), q.at()).toMillis();
            Step step = step(p, q, series, slotMillis);
            if (span > maxGap.toMillis() || step.kind == StepKind.DISCONTINUITY) {
                return OptionalDouble.empty();
            }
            double value = p.wattHours() + step.increase * Duration.between(p.at(), at).toMillis() / span;
            if (step.kind == StepKind.ROLLOVER && value >= series.rollover().orElseThrow().wattHours()) {
                value -= series.rollover().get().wattHours();
            }
            return OptionalDouble.of(value);
        }
        return OptionalDouble.empty();
    }

    private Step step(RegisterPoint p, RegisterPoint q, RegisterSeries series, long slotMillis) {
        long elapsed = Math.max(Duration.between(p.at(), q.at()).toMillis(), slotMillis);
        double plausible = maxSitePower.watts() * (elapsed / 3_600_000.0);
        double increase = q.wattHours() - p.wattHours();
        if (increase >= 0) {
            return increase <= plausible ? new Step(StepKind.NORMAL, increase) : Step.DISCONTINUOUS;
        }
        if (p.fixed() != q.fixed() && -increase <= SKEW_TOLERANCE_WH) {
            return new Step(StepKind.NORMAL, 0);
        }
        if (series.rollover().isPresent()) {
            double wrap = series.rollover().get().wattHours();
            double wrapped = increase + wrap;
            if (p.wattHours() <= wrap && wrapped >= 0 && wrapped <= plausible) {
                return new Step(StepKind.ROLLOVER, wrapped);
            }
        }
        return Step.DISCONTINUOUS;
    }

    private static RegisterPoint fixedAt(List<RegisterPoint> points, Instant at) {
        for (RegisterPoint p : points) {
            if (p.fixed() && p.at().equals(at)) {
                return p;
            }
        }
        return null;
    }

    private static String rolledOver(String label, RegisterSeries series) {
        return label + ": register rolled over at " + series.rollover().map(Energy::wattHours).orElse(0L) + " Wh";
    }

    static String percent(long part, long whole) {
        return Math.round(100.0 * part / whole) + " %";
    }

    private static String wh(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    private enum StepKind { NORMAL, ROLLOVER, DISCONTINUITY }

    private record Step(StepKind kind, double increase) {
        static final Step DISCONTINUOUS = new Step(StepKind.DISCONTINUITY, 0);
    }
}
