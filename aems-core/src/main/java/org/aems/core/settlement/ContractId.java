package org.aems.core.settlement;

import java.util.Objects;

/** Identifies a buy-back contract across its versions. */
public record ContractId(String value) implements Comparable<ContractId> {
    public ContractId {
        Objects.requireNonNull(value, "contract id");
        if (value.isBlank() || value.length() > 64) {
            throw new IllegalArgumentException("contract id must be 1..64 characters, was '" + value + "'");
        }
    }

    public static ContractId of(String value) {
        return new ContractId(value);
    }

    @Override
    public int compareTo(ContractId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
