package org.aems.core.settlement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.aems.core.unit.Yen;

/**
 * Japanese consumption tax (消費税) at the standard rate of 10 % (electricity has no reduced rate). Applied
 * once per rate per document, to a total that is already whole yen, and truncated (円未満切り捨て) like the
 * total itself (DOMAIN.md "Rounding and tax").
 */
public final class ConsumptionTax {

    /** 10 %, as a percentage. */
    public static final int STANDARD_RATE_PERCENT = 10;

    private static final BigDecimal RATE = BigDecimal.valueOf(STANDARD_RATE_PERCENT);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal HUNDRED_PLUS_RATE = BigDecimal.valueOf(100 + STANDARD_RATE_PERCENT);

    private ConsumptionTax() {
    }

    /** Tax on a tax-exclusive whole-yen total: total × 10/100, truncated to whole yen. */
    public static Yen onExclusive(Yen wholeYenTotal) {
        requireWhole(wholeYenTotal);
        return Yen.of(wholeYenTotal.amount().multiply(RATE).divide(HUNDRED, 0, RoundingMode.DOWN));
    }

    /** The tax contained in a tax-inclusive whole-yen total: total × 10/110, truncated to whole yen. */
    public static Yen includedIn(Yen wholeYenTotal) {
        requireWhole(wholeYenTotal);
        return Yen.of(wholeYenTotal.amount().multiply(RATE).divide(HUNDRED_PLUS_RATE, 0, RoundingMode.DOWN));
    }

    private static void requireWhole(Yen total) {
        if (total.amount().stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException("consumption tax applies to a whole-yen total, was " + total
                    + "; truncate the total first (Yen.truncateToWholeYen)");
        }
    }
}
