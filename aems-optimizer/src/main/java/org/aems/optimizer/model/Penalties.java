package org.aems.optimizer.model;

import java.util.Objects;
import org.aems.core.unit.YenPerKwh;

/**
 * Prices of what the plan should avoid, in yen per kWh. They make every limit soft, so a bank problem
 * always has a solution and the result says what had to give (ADR 0010).
 *
 * @param limitBreach  energy beyond a feeder's or bank's reverse-flow or import limit
 * @param curtailment  curtailable PV not generated; a last resort, so above any market price
 * @param planDeviation bank net import away from the submitted plan (the imbalance it would cause)
 * @param evShortfall  energy a booked EV lacks at departure
 * @param cycling      throughput of a battery or V2X discharge (wear); small, also stops charging and
 *                     discharging in the same slot from looking free
 */
public record Penalties(YenPerKwh limitBreach, YenPerKwh curtailment, YenPerKwh planDeviation, YenPerKwh evShortfall,
                        YenPerKwh cycling) {

    /** Breach 1,000 > EV shortfall 500 > imbalance cap-like deviation 300 > curtailment 30 > cycling 0.5. */
    public static final Penalties DEFAULT = new Penalties(YenPerKwh.of("1000"), YenPerKwh.of("30"), YenPerKwh.of("300"),
            YenPerKwh.of("500"), YenPerKwh.of("0.5"));

    public Penalties {
        Objects.requireNonNull(limitBreach, "limitBreach");
        Objects.requireNonNull(curtailment, "curtailment");
        Objects.requireNonNull(planDeviation, "planDeviation");
        Objects.requireNonNull(evShortfall, "evShortfall");
        Objects.requireNonNull(cycling, "cycling");
    }
}
