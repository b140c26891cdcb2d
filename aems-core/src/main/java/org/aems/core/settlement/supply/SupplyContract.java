package org.aems.core.settlement.supply;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import org.aems.core.grid.SiteId;
import org.aems.core.grid.Validity;
import org.aems.core.series.SeriesId;
import org.aems.core.settlement.BuybackTariff;
import org.aems.core.settlement.ContractId;
import org.aems.core.settlement.MarketLinked;
import org.aems.core.settlement.TaxTreatment;

/**
 * One version of a facility's supply contract: the JST months it is in force, how its basic charge demand
 * is found, the basic charge unit price, the energy charge tariff (fixed or time-of-use, the buy-back
 * tariff types), the power factor, the fuel-cost adjustment series and whether its prices include tax. A
 * change is a new version; a bill names the version it used.
 *
 * <p>Validity starts on the 1st of a month and ends on the 1st of a month (exclusive) or is open: supply
 * bills are per JST calendar month and do not pro-rate days (日割り) yet (ADR 0013).
 *
 * @param contractedKilowatts 契約電力 for {@link SupplyVoltage#LOW_VOLTAGE} (> 0), null for high voltage,
 *                            whose basic charge is on the measured demand with its ratchet
 * @param fuelCostSeries      the versioned series (yen/kWh, one value per month, may be negative) of the
 *                            fuel-cost adjustment (燃料費調整単価) that applies to this contract
 */
public record SupplyContract(ContractId id, int version, SiteId site, Validity validity, SupplyVoltage voltage,
                             BigDecimal contractedKilowatts, BasicChargeRate basicCharge, BuybackTariff energyTariff,
                             PowerFactor powerFactor, SeriesId fuelCostSeries, TaxTreatment taxTreatment) {

    public SupplyContract {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(validity, "validity");
        Objects.requireNonNull(voltage, "voltage");
        Objects.requireNonNull(basicCharge, "basicCharge");
        Objects.requireNonNull(energyTariff, "energyTariff");
        Objects.requireNonNull(powerFactor, "powerFactor");
        Objects.requireNonNull(fuelCostSeries, "fuelCostSeries");
        Objects.requireNonNull(taxTreatment, "taxTreatment");
        if (version < 1) {
            throw new IllegalArgumentException("contract version must be >= 1, was " + version);
        }
        requireFirstOfMonth(id, validity.from(), "from");
        if (validity.until() != null) {
            requireFirstOfMonth(id, validity.until(), "until");
        }
        if (voltage == SupplyVoltage.LOW_VOLTAGE && (contractedKilowatts == null || contractedKilowatts.signum() <= 0)) {
            throw new IllegalArgumentException("supply contract " + id + ": a low-voltage contract needs its contracted power"
                    + " (> 0 kW), was " + (contractedKilowatts == null ? "none" : contractedKilowatts.toPlainString() + " kW"));
        }
        if (voltage == SupplyVoltage.HIGH_VOLTAGE && contractedKilowatts != null) {
            throw new IllegalArgumentException("supply contract " + id + ": a high-voltage contract is billed on its measured"
                    + " demand (11-month ratchet); leave contracted power empty, was " + contractedKilowatts.toPlainString() + " kW");
        }
        if (energyTariff instanceof MarketLinked) {
            throw new IllegalArgumentException("supply contract " + id + ": the energy charge must be a fixed or time-of-use"
                    + " tariff; market-linked supply prices are not supported");
        }
    }

    /** "s-1 v2 [2026-04-01, open)", the form error messages use. */
    public String describe() {
        return id + " v" + version + " [" + validity.from() + ", " + (validity.until() == null ? "open" : validity.until()) + ")";
    }

    private static void requireFirstOfMonth(ContractId id, LocalDate day, String field) {
        if (day.getDayOfMonth() != 1) {
            throw new IllegalArgumentException("supply contract " + id + ": validity " + field + " must be the 1st of a month"
                    + " (bills are per calendar month, days are not pro-rated), was " + day);
        }
    }
}
