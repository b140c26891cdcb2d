package org.aems.core.grid;

/** Identifies a bank; see {@code Ids} for the allowed characters. */
public record BankId(String value) implements Comparable<BankId> {

    public BankId {
        Ids.check("bank", value);
    }

    public static BankId of(String value) {
        return new BankId(value);
    }

    @Override
    public int compareTo(BankId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
