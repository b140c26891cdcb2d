package org.aems.core.grid;

import java.util.List;
import java.util.Objects;

/** A substation transformer bank; its feeders share its limits. */
public record Bank(BankId id, String name, EffectiveHistory<FlowLimits> limits, List<Feeder> feeders) {
    public Bank {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(limits, "limits");
        feeders = List.copyOf(feeders);
    }
}
