package org.aems.optimizer.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.aems.core.grid.BankId;
import org.aems.core.grid.FlowLimits;
import org.aems.core.time.Slot;
import org.aems.core.unit.Energy;
import org.aems.core.unit.YenPerKwh;

/**
 * What one distribution bank's plan is solved from: its slots, its own limits (shared by its feeders),
 * the feeders, the price of energy drawn at the bank ({@code purchase}, e.g. JEPX Tokyo area) and of
 * energy it sends back ({@code sale}), the submitted plan of the bank's net import if there is one (for
 * the first {@code plan.size()} slots: a day's submitted plan does not reach into tomorrow), and the
 * penalties.
 */
public record BankProblem(BankId bank, List<Slot> slots, List<FlowLimits> limits, List<FeederProblem> feeders,
                          List<YenPerKwh> purchase, List<YenPerKwh> sale, Optional<List<Energy>> plan, Penalties penalties) {
    public BankProblem {
        Objects.requireNonNull(bank, "bank");
        slots = List.copyOf(slots);
        limits = List.copyOf(limits);
        feeders = List.copyOf(feeders);
        purchase = List.copyOf(purchase);
        sale = List.copyOf(sale);
        plan = plan.map(List::copyOf);
        Objects.requireNonNull(penalties, "penalties");
        int n = slots.size();
        if (n == 0 || limits.size() != n || purchase.size() != n || sale.size() != n || plan.map(p -> p.size() > n).orElse(false)) {
            throw new IllegalArgumentException("bank " + bank + ": limits and prices need one value per slot (" + n + "), the plan at most that many");
        }
        for (FeederProblem f : feeders) {
            if (f.slots() != n) {
                throw new IllegalArgumentException("bank " + bank + ": feeder " + f.id() + " has " + f.slots() + " slots, not " + n);
            }
        }
    }
}
