package org.aems.core.settlement;

/** How many slots of a statement were billed on MEASURED and ESTIMATED intervals, and how many had none. */
public record QualityCounts(int measured, int estimated, int missing) {
    public QualityCounts {
        if (measured < 0 || estimated < 0 || missing < 0) {
            throw new IllegalArgumentException("slot counts must be >= 0, were " + measured + "/" + estimated + "/" + missing);
        }
    }

    public int lines() {
        return measured + estimated;
    }

    public int slots() {
        return measured + estimated + missing;
    }
}
