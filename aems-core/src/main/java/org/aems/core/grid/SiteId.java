package org.aems.core.grid;

/** Identifies a site; see {@code Ids} for the allowed characters. */
public record SiteId(String value) implements Comparable<SiteId> {

    public SiteId {
        Ids.check("site", value);
    }

    public static SiteId of(String value) {
        return new SiteId(value);
    }

    @Override
    public int compareTo(SiteId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
