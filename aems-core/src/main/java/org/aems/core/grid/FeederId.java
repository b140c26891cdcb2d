package org.aems.core.grid;

/** Identifies a feeder; see {@code Ids} for the allowed characters. */
public record FeederId(String value) implements Comparable<FeederId> {

    public FeederId {
        Ids.check("feeder", value);
    }

    public static FeederId of(String value) {
        return new FeederId(value);
    }

    @Override
    public int compareTo(FeederId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
