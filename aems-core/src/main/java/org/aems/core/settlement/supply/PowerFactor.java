package org.aems.core.settlement.supply;

import java.math.BigDecimal;

/**
 * The month's power factor (力率) in whole percent, as the contract states it (AEMS meters no reactive
 * energy). The Japanese rule adjusts the basic charge by 1 % per point away from 85 %: discounted above,
 * surcharged below, i.e. basic charge × (185 − PF) / 100. The value used is clamped to
 * [{@value #MIN_PERCENT}, {@value #MAX_PERCENT}] % (ADR 0013): a factor above 100 % does not exist, and one
 * below 50 % is a metering fault to look at, not a 35 %+ surcharge to bill.
 */
public record PowerFactor(int percent) {

    /** No adjustment at 85 %. */
    public static final int NEUTRAL_PERCENT = 85;
    public static final int MIN_PERCENT = 50;
    public static final int MAX_PERCENT = 100;

    public PowerFactor {
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("power factor must be within 0..100 %, was " + percent + " %");
        }
    }

    /** The percentage the adjustment uses, clamped to [50, 100]. */
    public int clampedPercent() {
        return Math.max(MIN_PERCENT, Math.min(MAX_PERCENT, percent));
    }

    /**
     * The share of the basic charge added (positive, below 85 %) or discounted (negative, above 85 %):
     * (85 − PF) / 100, exact. 90 % gives −0.05 (a 5 % discount).
     */
    public BigDecimal adjustment() {
        return BigDecimal.valueOf(NEUTRAL_PERCENT - clampedPercent()).movePointLeft(2);
    }
}
