package org.aems.core.grid;

import java.util.Objects;

/** 供給地点特定番号: the transmission operator's 22-digit key of a supply point, under which certified 30-minute values come. */
public record SupplyPointNumber(String value) {

    public SupplyPointNumber {
        Objects.requireNonNull(value, "supply point number");
        if (value.length() != 22 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("supply point number must be exactly 22 digits, was '" + value + "'");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
