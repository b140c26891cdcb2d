package org.aems.core.grid;

import java.util.List;
import java.util.Objects;

/** A 6.6 kV distribution feeder (配電線) with its limits' history and its sites. */
public record Feeder(FeederId id, String name, Validity validity, EffectiveHistory<FlowLimits> limits, List<Site> sites) {
    public Feeder {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(validity, "validity");
        Objects.requireNonNull(limits, "limits");
        sites = List.copyOf(sites);
    }
}
