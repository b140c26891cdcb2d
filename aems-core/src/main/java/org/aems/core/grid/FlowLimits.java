package org.aems.core.grid;

import java.util.Objects;
import org.aems.core.unit.Power;

/**
 * Limits of a feeder or bank, as positive magnitudes: at most {@code reverseFlowLimit} may flow back
 * toward the substation (逆潮流), at most {@code importLimit} may be drawn.
 */
public record FlowLimits(Power reverseFlowLimit, Power importLimit) {
    public FlowLimits {
        Objects.requireNonNull(reverseFlowLimit, "reverseFlowLimit");
        Objects.requireNonNull(importLimit, "importLimit");
        if (!reverseFlowLimit.isPositive() || !importLimit.isPositive()) {
            throw new IllegalArgumentException("limits are positive magnitudes; reverse-flow limit was " + reverseFlowLimit
                    + ", import limit " + importLimit);
        }
    }
}
