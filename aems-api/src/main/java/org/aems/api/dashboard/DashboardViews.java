package org.aems.api.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.aems.api.dashboard.FeederDay.FeederSlot;
import org.aems.core.time.Jst;
import org.aems.core.time.Slot;
import org.aems.core.unit.Energy;
import org.aems.core.unit.Power;

/** How the dashboard's endpoints write powers (kW, 3 decimals, as strings), times (JST) and a feeder's day. */
final class DashboardViews {

    private DashboardViews() {
    }

    static RegionView.Feeder feeder(FeederDay f, Optional<Slot> latest) {
        List<RegionView.FeederSlotView> slots = new ArrayList<>(f.slots().size());
        List<Integer> breached = new ArrayList<>();
        Power peakReverse = Power.ZERO;
        for (FeederSlot s : f.slots()) {
            slots.add(new RegionView.FeederSlotView(s.slot().index(), jst(s.slot().start()), kwAvg(s.netImport()), kwAvg(s.pv()),
                    kwAvg(s.batteryNetCharge()), kwAvg(s.evNetCharge()), s.sitesReporting(), s.siteCount()));
            if (s.netImport() != null) {
                peakReverse = Power.max(peakReverse, FeederSlot.average(s.netImport()).negate());
            }
            if (s.breaches(f.reverseFlowLimit())) {
                breached.add(s.slot().index());
            }
        }
        String netNow = latest.flatMap(l -> f.slots().stream().filter(s -> s.slot().equals(l)).findFirst())
                .map(s -> kwAvg(s.netImport())).orElse(null);
        return new RegionView.Feeder(f.feederId(), f.name(), f.bankId(), f.reverseFlowLimit().map(DashboardViews::kw).orElse(null),
                f.importLimit().map(DashboardViews::kw).orElse(null), netNow, kw(peakReverse), breached, slots);
    }

    /**
     * "Now": the newest slot with a measured flow. The newest rolled-up slot can be all gaps (the slot the platform
     * or a gateway started in has no register value at its start), and "no data" would hide the one before it.
     */
    static Optional<Slot> latestMeasured(List<FeederSlot> slots) {
        Comparator<Slot> order = Comparator.naturalOrder();
        Optional<Slot> measured = slots.stream().filter(s -> s.netImport() != null).map(FeederSlot::slot).max(order);
        return measured.isPresent() ? measured : slots.stream().map(FeederSlot::slot).max(order);
    }

    static String kwAvg(Energy energy) {
        return energy == null ? null : kw(FeederSlot.average(energy));
    }

    static String kw(Power power) {
        return BigDecimal.valueOf(power.watts()).movePointLeft(3).setScale(3, RoundingMode.UNNECESSARY).toPlainString();
    }

    static String jst(Instant at) {
        return Jst.toJst(at).toOffsetDateTime().toString();
    }
}
