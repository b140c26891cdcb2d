package org.aems.optimizer.runtime;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.aems.core.time.Slot;
import org.aems.core.unit.Energy;
import org.aems.optimizer.forecast.DayAheadForecaster;
import org.aems.optimizer.forecast.SlotSeries;
import org.aems.optimizer.model.BankProblem;
import org.aems.optimizer.model.FeederProblem;
import org.aems.optimizer.model.Penalties;

/**
 * Builds a bank's problem over the horizon from what the platform knows: each feeder's demand and PV
 * forecast from its own history (demand by slot-of-day profile, PV by clear sky × recent ratio), PV split
 * into the part we may curtail and the part we may not, and the batteries we may dispatch. EVs are not
 * steered yet: without a booking feed (departure, energy needed) the platform cannot promise a car its
 * charge, so their charging stays in the demand the forecast learns.
 */
public final class ProblemBuilder {

    private final DayAheadForecaster demand;
    private final DayAheadForecaster pv;
    private final SlotPrices prices;
    private final Penalties penalties;

    public ProblemBuilder(DayAheadForecaster demand, DayAheadForecaster pv, SlotPrices prices, Penalties penalties) {
        this.demand = demand;
        this.pv = pv;
        this.prices = prices;
        this.penalties = penalties;
    }

    /**
     * @param submitted the bank's submitted plan (net import per slot) for the first slots of the horizon, if any:
     *                  the model then pays for deviating from it (imbalance)
     */
    public BankProblem build(BankInputs inputs, Optional<List<Energy>> submitted) {
        List<Slot> slots = inputs.slots();
        Slot issuedAt = slots.get(0);
        List<FeederProblem> feeders = new ArrayList<>();
        for (BankInputs.FeederInputs f : inputs.feeders()) {
            if (f.load().values().isEmpty()) {
                throw new IllegalStateException("feeder " + f.id() + " has no interval history before " + issuedAt
                        + ": the optimizer needs at least a day of feeder_interval rows (ingest's rollup) to forecast it");
            }
            double[] load = forecast(demand, f.load(), slots, issuedAt);
            double[] sun = forecast(pv, f.pv(), slots, issuedAt);
            List<Energy> baseNet = new ArrayList<>(slots.size());
            List<Energy> curtailable = new ArrayList<>(slots.size());
            for (int t = 0; t < slots.size(); t++) {
                double generation = Math.max(0, sun[t]);
                baseNet.add(BankInputs.wh(load[t] - generation * (1 - f.curtailableShare())));
                curtailable.add(BankInputs.wh(generation * f.curtailableShare()));
            }
            feeders.add(new FeederProblem(f.id(), f.limits(), baseNet, curtailable, f.storage(), List.of()));
        }
        return new BankProblem(inputs.bank(), slots, inputs.bankLimits(), feeders, slots.stream().map(prices::purchase).toList(),
                slots.stream().map(prices::sale).toList(), submitted, penalties);
    }

    /** One value per horizon slot, from the day-ahead forecast of each day the horizon touches. */
    private static double[] forecast(DayAheadForecaster forecaster, SlotSeries history, List<Slot> slots, Slot issuedAt) {
        Map<LocalDate, double[]> days = new HashMap<>();
        double[] values = new double[slots.size()];
        for (int t = 0; t < slots.size(); t++) {
            Slot slot = slots.get(t);
            values[t] = days.computeIfAbsent(slot.date(), day -> forecaster.forecast(history, day, issuedAt))[slot.index() - 1];
        }
        return values;
    }
}
