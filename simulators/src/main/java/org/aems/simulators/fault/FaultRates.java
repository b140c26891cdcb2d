package org.aems.simulators.fault;

/**
 * How often gateways misbehave, as real ones do (docs/protocol.md: late, duplicated, out of order, clock
 * skew, offline with a backfill burst, malformed). Rates per telemetry message unless said otherwise.
 *
 * @param late          message held back 2–10 publish intervals
 * @param duplicate     message sent twice with the same messageId
 * @param outOfOrder    message sent after the site's next one
 * @param malformed     an extra broken payload (truncated JSON, wrong schema, missing field) next to the real one
 * @param skewedSites   share of gateways whose clock is off by 30 s – 10 min, either way
 * @param offlinePerDay offline periods per site and simulated day; each lasts 10 min – 2 h of simulated time,
 *                      and the gateway publishes its buffer in one burst when it is back
 */
public record FaultRates(double late, double duplicate, double outOfOrder, double malformed, double skewedSites,
                         double offlinePerDay) {

    public static final FaultRates NONE = new FaultRates(0, 0, 0, 0, 0, 0);

    public FaultRates {
        check("late", late);
        check("duplicate", duplicate);
        check("outOfOrder", outOfOrder);
        check("malformed", malformed);
        check("skewedSites", skewedSites);
        if (!(offlinePerDay >= 0 && offlinePerDay <= 100)) {
            throw new IllegalArgumentException("offlinePerDay must be within 0..100, was " + offlinePerDay);
        }
    }

    public boolean any() {
        return late + duplicate + outOfOrder + malformed + skewedSites + offlinePerDay > 0;
    }

    private static void check(String name, double rate) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException(name + " must be a probability within 0..1, was " + rate);
        }
    }
}
