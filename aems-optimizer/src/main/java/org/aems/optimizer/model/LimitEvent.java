package org.aems.optimizer.model;

import java.util.Objects;
import org.aems.core.time.Slot;
import org.aems.core.unit.Energy;

/**
 * A limit that shaped the plan: {@code BINDING} when the plan runs exactly at it (our assets were used to
 * stay inside), {@code BREACHED} when not even all of them could keep the flow inside, by {@code excess}.
 *
 * @param where a feeder or bank id
 * @param why   what forced it, in words an operator can act on
 */
public record LimitEvent(String where, Slot slot, LimitKind kind, Outcome outcome, Energy limit, Energy flow, Energy excess,
                         String why) {

    public enum Outcome { BINDING, BREACHED }

    public LimitEvent {
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(slot, "slot");
        Objects.requireNonNull(why, "why");
    }
}
