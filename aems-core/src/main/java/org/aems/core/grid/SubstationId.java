package org.aems.core.grid;

/** Identifies a substation; see {@code Ids} for the allowed characters. */
public record SubstationId(String value) implements Comparable<SubstationId> {

    public SubstationId {
        Ids.check("substation", value);
    }

    public static SubstationId of(String value) {
        return new SubstationId(value);
    }

    @Override
    public int compareTo(SubstationId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
