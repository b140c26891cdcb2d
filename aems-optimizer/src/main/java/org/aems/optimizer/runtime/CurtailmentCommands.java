package org.aems.optimizer.runtime;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.aems.core.telemetry.Command;
import org.aems.core.time.Slot;
import org.aems.optimizer.dispatch.AssetRef;
import org.aems.optimizer.dispatch.PlanCommands;
import org.aems.optimizer.model.BankPlan;
import org.aems.optimizer.model.FeederProblem;
import org.aems.optimizer.model.FeederSchedule;

/**
 * Turns a slot's planned curtailment into LIMIT_PV commands, valid for that slot only. A feeder's curtailment
 * is shared among its curtailable inverters by peak power: each may produce its share of the curtailable PV
 * the plan keeps, as an average power over the slot. A slot without planned curtailment sends nothing; the
 * previous slot's limits lapse at its end and inverters return to full output by themselves. Under a
 * transmission operator's curtailment order each inverter is held to at most the order's share of its peak.
 */
public final class CurtailmentCommands {

    /** Below this a planned curtailment is solver noise, not worth a command. */
    private static final long MIN_WH = 10;

    private CurtailmentCommands() {
    }

    public static List<Command> forSlot(BankInputs inputs, List<FeederProblem> problems, BankPlan plan, int slot, Instant issuedAt) {
        Slot target = plan.slots().get(slot);
        List<Command> commands = new ArrayList<>();
        for (int f = 0; f < plan.feeders().size(); f++) {
            FeederSchedule schedule = plan.feeders().get(f);
            BankInputs.FeederInputs feeder = inputs.feeders().get(f);
            long curtailed = schedule.curtailed().get(slot).wattHours();
            double cap = feeder.pvCap().get(slot);
            if ((curtailed < MIN_WH && cap >= 1) || feeder.curtailable().isEmpty()) {
                continue;
            }
            double kept = Math.max(0, problems.get(f).curtailablePv().get(slot).wattHours() - curtailed);
            double peak = feeder.curtailable().stream().mapToLong(p -> p.peak().watts()).sum();
            for (BankInputs.CurtailablePv pv : feeder.curtailable()) {
                double watts = curtailed < MIN_WH ? Double.POSITIVE_INFINITY
                        : kept * pv.peak().watts() / peak / (Slot.DURATION.toMinutes() / 60.0);
                // A curtailment order binds each inverter to its share of peak power, whatever the plan keeps.
                watts = Math.min(watts, cap * pv.peak().watts());
                AssetRef asset = AssetRef.parse(pv.id());
                String id = PlanCommands.commandId("opt", target, issuedAt, asset);
                commands.add(new Command(id, asset.site(), asset.device(), Command.Action.LIMIT_PV, BigDecimal.valueOf(Math.round(watts)),
                        target.start(), PlanCommands.validUntil(target), issuedAt));
            }
        }
        return commands;
    }
}
