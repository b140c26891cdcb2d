package org.aems.core.settlement;

import java.math.BigDecimal;
import org.aems.core.unit.YenPerKwh;

/**
 * Σ energy × unit price, exact. Equal in value <em>and scale</em> to adding the slot amounts
 * ({@code Energy.times(price)}, scale 3 + the price's scale) as BigDecimals from {@code Yen.ZERO}, so a
 * statement summed here and the slot lines a recompute shows agree bit for bit. Kept in a long (unscaled,
 * at the largest scale seen) while it fits, because a run adds millions of lines; on overflow, or a price
 * that does not fit a long, it carries on in BigDecimal. Public so that supply bills (package
 * {@code supply}) sum their energy charge with the same arithmetic as purchase statements.
 */
public final class ExactSum {

    private static final long[] POW10 = new long[19];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    private long unscaled;
    private int scale;
    private BigDecimal big;
    // The last price's unscaled value: prices repeat (a fixed tariff is one object for every slot).
    private YenPerKwh lastPrice;
    private long lastUnscaled;
    private int lastScale;
    private boolean lastFits;

    /** Adds {@code wattHours × price}, exactly. */
    public void add(long wattHours, YenPerKwh price) {
        if (big == null && price != lastPrice) {
            BigDecimal v = price.value();
            lastPrice = price;
            lastScale = v.scale();
            lastFits = lastScale >= 0 && lastScale <= 15 && v.precision() <= 18;
            lastUnscaled = lastFits ? v.unscaledValue().longValue() : 0;
        }
        if (big == null && lastFits) {
            int s = 3 + lastScale;
            try {
                long term = Math.multiplyExact(wattHours, lastUnscaled);
                if (s > scale) {
                    unscaled = Math.multiplyExact(unscaled, POW10[s - scale]);
                    scale = s;
                } else if (s < scale) {
                    term = Math.multiplyExact(term, POW10[scale - s]);
                }
                unscaled = Math.addExact(unscaled, term);
                return;
            } catch (ArithmeticException overflow) {
                // falls through to BigDecimal from here on
            }
        }
        if (big == null) {
            big = BigDecimal.valueOf(unscaled, scale);
        }
        big = big.add(BigDecimal.valueOf(wattHours, 3).multiply(price.value()));
    }

    /** The sum so far, exact, at the largest scale of the terms (0 when nothing was added). */
    public BigDecimal value() {
        return big != null ? big : BigDecimal.valueOf(unscaled, scale);
    }
}
