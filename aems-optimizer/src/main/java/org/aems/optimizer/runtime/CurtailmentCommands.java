package org.aems.optimizer.runtime;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.aems.core.telemetry.Command;
import org.aems.core.time.Slot;
import org.aems.optimizer.dispatch.AssetRef;
import org.aems.optimizer.dispatch.PlanCommands;
import org.aems.optimizer.forecast.ClearSky;
import org.aems.optimizer.model.BankPlan;
import org.aems.optimizer.model.BankProblem;
import org.aems.optimizer.model.FeederSchedule;

/**
 * Turns a slot's planned curtailment into LIMIT_PV commands, valid for that slot (and the handover). A feeder's
 * curtailment is shared among its curtailable inverters by what each makes under a clear sky at that hour: each may
 * produce its share of the curtailable PV the plan keeps, as an average power over the slot. Under a transmission
 * operator's curtailment order each inverter is held to at most the order's share of its peak.
 *
 * <p>A slot without planned curtailment still gets limits where the plan rides a reverse-flow limit: the forecast
 * for the slot under way errs by several percent on a clear day, and a plan that exports up to the limit with its
 * batteries full has nothing left to absorb PV above the forecast. There each inverter may produce its share of
 * what keeps the feeder, and its share of the bank, inside its registered limit (ADR 0026). Where the
 * headroom exceeds {@link #GUARDED_SURPRISE} of the forecast, nothing is sent: the inverters return to full
 * output by themselves when the previous limits lapse.
 */
public final class CurtailmentCommands {

    /** Below this a planned curtailment is solver noise, not worth a command. */
    static final long MIN_WH = 10;

    private CurtailmentCommands() {
    }

    /**
     * A guard is sent where PV this much above the forecast of curtailable PV would cross a registered limit. Limits
     * bind on clear days, when the slot under way is forecast within ~4 % (nMAE, the city's sunny evaluation day);
     * a surprise of half again the forecast is not worth a command to every inverter of the feeder.
     */
    static final double GUARDED_SURPRISE = 0.5;

    public static List<Command> forSlot(BankInputs inputs, BankProblem problem, BankPlan plan, int slot, Instant issuedAt, ClearSky sky) {
        Slot target = plan.slots().get(slot);
        double[] allowed = allowedCurtailablePv(inputs, problem, plan, slot);
        List<Command> commands = new ArrayList<>();
        for (int f = 0; f < plan.feeders().size(); f++) {
            FeederSchedule schedule = plan.feeders().get(f);
            BankInputs.FeederInputs feeder = inputs.feeders().get(f);
            long curtailed = schedule.curtailed().get(slot).wattHours();
            double forecast = problem.feeders().get(f).curtailablePv().get(slot).wattHours();
            double cap = feeder.pvCap().get(slot);
            boolean guarded = forecast > 0 && allowed[f] < forecast * (1 + GUARDED_SURPRISE);
            if ((curtailed < MIN_WH && !guarded && cap >= 1) || feeder.curtailable().isEmpty()) {
                continue;
            }
            // Planned curtailment keeps what the plan keeps (it may curtail for its plan in force, not only a limit).
            double kept = curtailed >= MIN_WH ? Math.max(0, forecast - curtailed) : guarded ? allowed[f] : Double.POSITIVE_INFINITY;
            double[] shares = shares(feeder.curtailable(), target, sky);
            for (int i = 0; i < shares.length; i++) {
                BankInputs.CurtailablePv pv = feeder.curtailable().get(i);
                double watts = kept * shares[i] / (Slot.DURATION.toMinutes() / 60.0);
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

    /**
     * Each inverter's share of the feeder's curtailable PV in the slot: its array's clear-sky output there (peak ×
     * plane-of-array irradiance, clipped at the inverter's limit). By peak power alone, east roofs would be held below
     * what they make in the morning and west roofs in the afternoon while the others' shares went unused. The sky
     * is the region's (the forecaster's); by peak where the sun is down.
     */
    static double[] shares(List<BankInputs.CurtailablePv> inverters, Slot slot, ClearSky sky) {
        Map<List<Double>, Double> irradiance = new HashMap<>();
        double[] shares = new double[inverters.size()];
        double total = 0;
        for (int i = 0; i < shares.length; i++) {
            BankInputs.CurtailablePv pv = inverters.get(i);
            double poa = irradiance.computeIfAbsent(List.of(pv.tiltDegrees(), pv.azimuthDegrees()),
                    k -> sky.meanIrradiance(slot, k.get(0), k.get(1)));
            shares[i] = Math.min(pv.inverterLimit().watts(), pv.peak().watts() * poa / 1000);
            total += shares[i];
        }
        if (total <= 0) {
            total = 0;
            for (int i = 0; i < shares.length; i++) {
                shares[i] = inverters.get(i).peak().watts();
                total += shares[i];
            }
        }
        for (int i = 0; i < shares.length; i++) {
            shares[i] /= total;
        }
        return shares;
    }

    /**
     * Per feeder, the curtailable PV (Wh) that keeps it inside its registered reverse-flow limit and its share of the
     * bank's: the planned curtailable PV plus the headroom the plan leaves to those limits, the bank's shared by
     * forecast curtailable PV. The registered limits, not the reduced ones the plan aims at: the margin between them
     * stays the reserve for what a PV limit cannot see (demand below its forecast, PV we may not curtail, an
     * inverter making more than its share while another makes less).
     */
    static double[] allowedCurtailablePv(BankInputs inputs, BankProblem problem, BankPlan plan, int slot) {
        double hours = Slot.DURATION.toMinutes() / 60.0;
        int n = plan.feeders().size();
        double bankHeadroom = Math.max(0, inputs.bankLimits().get(slot).reverseFlowLimit().watts() * hours + plan.bankNet().get(slot).wattHours());
        double[] forecast = new double[n];
        double total = 0;
        for (int f = 0; f < n; f++) {
            forecast[f] = problem.feeders().get(f).curtailablePv().get(slot).wattHours();
            total += forecast[f];
        }
        double[] allowed = new double[n];
        for (int f = 0; f < n; f++) {
            FeederSchedule schedule = plan.feeders().get(f);
            double headroom = Math.max(0, inputs.feeders().get(f).limits().get(slot).reverseFlowLimit().watts() * hours + schedule.net().get(slot).wattHours());
            double ofBank = total > 0 ? bankHeadroom * forecast[f] / total : bankHeadroom;
            allowed[f] = Math.max(0, forecast[f] - schedule.curtailed().get(slot).wattHours()) + Math.min(headroom, ofBank);
        }
        return allowed;
    }
}
