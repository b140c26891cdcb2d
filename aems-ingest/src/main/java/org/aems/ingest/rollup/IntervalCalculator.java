package org.aems.ingest.rollup;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.aems.core.time.Slot;
import org.aems.core.unit.Energy;
import org.aems.core.unit.Power;
import org.aems.core.unit.Ratio;

/**
 * Computes one site's 30-minute interval from what its devices reported around the slot. Pure: no clock,
 * no database, so it is tested slot by slot with tables of inputs and expected outputs.
 *
 * <ul>
 *   <li><b>Import/export</b> come from the meter's cumulative registers ({@link RegisterDifference}); only
 *       when a register says nothing about the slot does integrating {@code meter.power} stand in, and
 *       then the interval is {@link IntervalQuality#ESTIMATED} with source
 *       {@link IntervalSource#POWER_INTEGRATED}. With neither, the interval is
 *       {@link IntervalQuality#MISSING}: import and export stay empty, never zero.
 *   <li><b>PV</b> per device from its cumulative {@code pv.energy} register when it has one, else from
 *       integrating {@code pv.power}; <b>battery</b> and <b>EV</b> charge/discharge from integrating
 *       their power (+ = charging), split by sign. Device values are summed over devices; a device that
 *       covered part of the slot is pro-rated and named in the notes.
 *   <li><b>Average and peak power</b> from {@code meter.power}: the time-weighted mean (+ = import) and the
 *       largest import and export readings as positive magnitudes.
 * </ul>
 * Quality, source and completeness describe import/export: MEASURED needs both from registers covering
 * the whole slot with no meter reset; anything less is ESTIMATED and the notes say why.
 */
public final class IntervalCalculator {

    private static final double WATT_MILLIS_PER_WATT_HOUR = 3_600_000.0;

    private final RegisterDifference registers;

    /**
     * @param maxGap       the widest pair of register points a boundary value is interpolated between
     * @param maxSitePower the most power a site can plausibly draw or feed; a register step beyond it
     *                     (sustained over the step, at least one slot) is a meter change, not energy
     */
    public IntervalCalculator(Duration maxGap, Power maxSitePower) {
        this.registers = new RegisterDifference(maxGap, maxSitePower);
    }

    public SiteInterval calculate(SlotReadings in) {
        Objects.requireNonNull(in, "in");
        Slot slot = in.key().slot();
        long slotMillis = Duration.between(slot.start(), slot.end()).toMillis();
        List<String> notes = new ArrayList<>();

        EnergyInSlot imported = gridExchange(slot, in.importRegister(), in.meterPower(), PowerSummary::positiveWattMillis,
                "import", slotMillis);
        EnergyInSlot exported = gridExchange(slot, in.exportRegister(), in.meterPower(), PowerSummary::negativeWattMillis,
                "export", slotMillis);
        notes.addAll(imported.notes());
        notes.addAll(exported.notes());

        IntervalQuality quality;
        IntervalSource source;
        long covered;
        if (imported.energy().isEmpty() && exported.energy().isEmpty()) {
            quality = IntervalQuality.MISSING;
            source = IntervalSource.NONE;
            covered = 0;
        } else {
            source = present(imported).weaker(present(exported));
            covered = Math.min(imported.coveredMillis(), exported.coveredMillis());
            boolean measured = !imported.estimated(slotMillis) && !exported.estimated(slotMillis);
            quality = measured ? IntervalQuality.MEASURED : IntervalQuality.ESTIMATED;
            if (imported.energy().isEmpty() || exported.energy().isEmpty()) {
                notes.add((imported.energy().isEmpty() ? "import" : "export") + ": no data");
            }
        }

        Optional<Energy> pv = pv(in, slot, slotMillis, notes);
        Optional<Energy> batteryCharge = sum(in.batteryPower(), PowerSummary::positiveWattMillis, slotMillis);
        Optional<Energy> batteryDischarge = sum(in.batteryPower(), PowerSummary::negativeWattMillis, slotMillis);
        Optional<Energy> evCharge = sum(in.evPower(), PowerSummary::positiveWattMillis, slotMillis);
        Optional<Energy> evDischarge = sum(in.evPower(), PowerSummary::negativeWattMillis, slotMillis);
        notePartial("battery.power", in.batteryPower(), slotMillis, notes);
        notePartial("ev.power", in.evPower(), slotMillis, notes);

        Optional<PowerSummary> meter = in.meterPower().filter(m -> m.coveredMillis() > 0);
        Optional<Power> average = meter.map(m -> watts((m.positiveWattMillis() - m.negativeWattMillis()) / m.coveredMillis()));
        Optional<Power> peakImport = meter.map(m -> watts(Math.max(m.maxWatts(), 0)));
        Optional<Power> peakExport = meter.map(m -> watts(Math.max(-m.minWatts(), 0)));

        Ratio completeness = Ratio.of(BigDecimal.valueOf(Math.min(covered, slotMillis)), BigDecimal.valueOf(slotMillis));
        return new SiteInterval(in.key(), imported.energy(), exported.energy(), pv, batteryCharge, batteryDischarge, evCharge,
                evDischarge, average, peakImport, peakExport, completeness, quality, source, notes);
    }

    /** The register when it says anything about the slot, else meter power integration, else nothing. */
    private EnergyInSlot gridExchange(Slot slot, Optional<RegisterSeries> register, Optional<PowerSummary> meterPower,
                                      ToDoubleFunction<PowerSummary> direction, String label, long slotMillis) {
        List<String> notes = new ArrayList<>();
        boolean anomaly = false;
        if (register.isPresent()) {
            EnergyInSlot fromRegister = registers.over(slot, register.get(), label);
            if (fromRegister.energy().isPresent()) {
                return fromRegister;
            }
            notes.addAll(fromRegister.notes());
            anomaly = fromRegister.anomaly();
        }
        if (meterPower.isPresent() && meterPower.get().coveredMillis() > 0) {
            PowerSummary m = meterPower.get();
            notes.add(label + ": integrated from meter.power (no usable register), "
                    + RegisterDifference.percent(Math.min(m.coveredMillis(), slotMillis), slotMillis) + " of the slot covered");
            return EnergyInSlot.proRated(direction.applyAsDouble(m) / WATT_MILLIS_PER_WATT_HOUR, m.coveredMillis(), slotMillis,
                    IntervalSource.POWER_INTEGRATED, anomaly, notes);
        }
        return EnergyInSlot.none(anomaly, notes);
    }

    /** Per device: its register when it covers part of the slot, else its power. */
    private Optional<Energy> pv(SlotReadings in, Slot slot, long slotMillis, List<String> notes) {
        Map<String, EnergyInSlot> byDevice = new LinkedHashMap<>();
        for (RegisterSeries register : in.pvRegisters()) {
            EnergyInSlot e = registers.over(slot, register, "pv " + register.device());
            if (e.energy().isPresent()) {
                byDevice.put(register.device(), e);
                notes.addAll(e.notes());
            }
        }
        for (PowerSummary power : in.pvPower()) {
            if (!byDevice.containsKey(power.device()) && power.coveredMillis() > 0) {
                byDevice.put(power.device(), EnergyInSlot.proRated(power.positiveWattMillis() / WATT_MILLIS_PER_WATT_HOUR,
                        power.coveredMillis(), slotMillis, IntervalSource.POWER_INTEGRATED, false, List.of()));
                if (power.coveredMillis() < slotMillis) {
                    notes.add("pv.power " + power.device() + ": covers " + RegisterDifference.percent(power.coveredMillis(), slotMillis)
                            + " of the slot; pro-rated");
                }
            }
        }
        return byDevice.values().stream().map(e -> e.energy().orElseThrow()).reduce(Energy::plus);
    }

    private static Optional<Energy> sum(List<PowerSummary> devices, ToDoubleFunction<PowerSummary> direction, long slotMillis) {
        return devices.stream().filter(d -> d.coveredMillis() > 0)
                .map(d -> EnergyInSlot.proRated(direction.applyAsDouble(d) / WATT_MILLIS_PER_WATT_HOUR, d.coveredMillis(), slotMillis,
                        IntervalSource.POWER_INTEGRATED, false, List.of()).energy().orElseThrow())
                .reduce(Energy::plus);
    }

    private static void notePartial(String quantity, List<PowerSummary> devices, long slotMillis, List<String> notes) {
        for (PowerSummary d : devices) {
            if (d.coveredMillis() > 0 && d.coveredMillis() < slotMillis) {
                notes.add(quantity + " " + d.device() + ": covers " + RegisterDifference.percent(d.coveredMillis(), slotMillis)
                        + " of the slot; pro-rated");
            }
        }
    }

    private static IntervalSource present(EnergyInSlot e) {
        // A direction without data does not weaken the other's source; its absence shows in quality and notes.
        return e.energy().isPresent() ? e.source() : IntervalSource.FIXED_VALUE;
    }

    private static Power watts(double value) {
        return Power.ofWatts(Math.round(value));
    }
}
