package org.aems.core.settlement.supply;

import java.math.BigDecimal;
import java.util.Objects;
import org.aems.core.unit.Yen;

/** The basic charge unit price in yen per kW per month (基本料金単価), exact. */
public record BasicChargeRate(BigDecimal yenPerKwMonth) {

    public BasicChargeRate {
        Objects.requireNonNull(yenPerKwMonth, "yenPerKwMonth");
        if (yenPerKwMonth.signum() < 0) {
            throw new IllegalArgumentException("basic charge must be >= 0 yen/kW/month, was " + yenPerKwMonth.toPlainString());
        }
    }

    public static BasicChargeRate of(String yenPerKwMonth) {
        return new BasicChargeRate(new BigDecimal(yenPerKwMonth));
    }

    /** The month's basic charge on {@code kilowatts}, at full precision. */
    public Yen times(BigDecimal kilowatts) {
        return Yen.of(yenPerKwMonth.multiply(kilowatts));
    }

    @Override
    public String toString() {
        return yenPerKwMonth.toPlainString() + " yen/kW/month";
    }
}
