package org.aems.core.series;

import java.math.BigDecimal;
import java.util.Objects;
import org.aems.core.unit.Energy;

/** A grid CO2 emission factor in kg-CO2 per kWh (per fiscal year and retailer), ≥ 0. */
public record EmissionFactor(BigDecimal kgPerKwh) {

    public EmissionFactor {
        Objects.requireNonNull(kgPerKwh, "kgPerKwh");
        if (kgPerKwh.signum() < 0) {
            throw new IllegalArgumentException("emission factor must be >= 0 kg-CO2/kWh, was " + kgPerKwh);
        }
    }

    public static EmissionFactor of(String kgPerKwh) {
        return new EmissionFactor(new BigDecimal(kgPerKwh));
    }

    /** CO2 avoided, in kg, exact, by consuming {@code localRenewable} instead of grid power. */
    public BigDecimal avoided(Energy localRenewable) {
        return localRenewable.toKilowattHours().multiply(kgPerKwh);
    }
}
