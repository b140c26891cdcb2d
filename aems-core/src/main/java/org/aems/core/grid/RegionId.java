package org.aems.core.grid;

/** Identifies a region; see {@code Ids} for the allowed characters. */
public record RegionId(String value) implements Comparable<RegionId> {

    public RegionId {
        Ids.check("region", value);
    }

    public static RegionId of(String value) {
        return new RegionId(value);
    }

    @Override
    public int compareTo(RegionId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
