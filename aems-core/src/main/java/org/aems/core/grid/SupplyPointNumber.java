package org.aems.core.grid;

import java.util.Objects;

/**
 * 供給地点特定番号: the transmission operator's 22-digit key of a supply point, under which certified
 * 30-minute values come. Exactly 22 ASCII digits; kept as text because leading zeros matter.
 */
public record SupplyPointNumber(String value) {

    public static final int LENGTH = 22;

    public SupplyPointNumber {
        Objects.requireNonNull(value, "supply point number");
        if (value.length() != LENGTH || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("supply point number must be exactly 22 digits, was '" + value + "'");
        }
    }

    public static SupplyPointNumber of(String value) {
        return new SupplyPointNumber(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
