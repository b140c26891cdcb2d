package org.aems.core.settlement.supply;

import java.time.Month;
import java.time.YearMonth;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.aems.core.settlement.SettlementInputException;
import org.aems.core.unit.YenPerKwh;

/**
 * The renewable energy surcharge (再エネ賦課金) per Japanese fiscal year (April to March), yen/kWh on every
 * kWh supplied; METI sets it each March for the fiscal year from April (FY2025: 3.98 yen/kWh). A calendar
 * month lies in one fiscal year, so a monthly bill has one rate: March 2026 is FY2025, April 2026 FY2026.
 */
public record RenewableSurchargeRates(Map<Integer, YenPerKwh> byFiscalYear) {

    public RenewableSurchargeRates {
        byFiscalYear = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(byFiscalYear, "byFiscalYear")));
        byFiscalYear.forEach((fy, rate) -> {
            if (rate.value().signum() < 0) {
                throw new IllegalArgumentException("renewable surcharge for FY" + fy + " must be >= 0 yen/kWh, was " + rate);
            }
        });
    }

    /** The fiscal year (年度) of a month: April 2026 to March 2027 is FY2026. */
    public static int fiscalYear(YearMonth month) {
        return month.getMonthValue() >= Month.APRIL.getValue() ? month.getYear() : month.getYear() - 1;
    }

    /**
     * The rate of {@code month}'s fiscal year.
     *
     * @throws SettlementInputException {@code MISSING_PRICE} when that fiscal year has no configured rate
     */
    public YenPerKwh rateFor(YearMonth month) {
        int fy = fiscalYear(month);
        YenPerKwh rate = byFiscalYear.get(fy);
        if (rate == null) {
            throw new SettlementInputException(SettlementInputException.Reason.MISSING_PRICE, "no renewable surcharge"
                    + " (再エネ賦課金) is configured for FY" + fy + " (April " + fy + " to March " + (fy + 1) + "), needed for "
                    + month + "; set aems.settlement.supply.renewable-surcharge." + fy + " to the rate METI published");
        }
        return rate;
    }
}
