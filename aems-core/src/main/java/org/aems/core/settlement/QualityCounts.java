package org.aems.core.settlement;

/**
 * How many slots of a statement were billed on MEASURED and ESTIMATED intervals, and how many had none.
 *
 * @param certified the billed slots whose value was the certified one ({@link ValueSource#CERTIFIED}); they
 *                  count as measured. The other lines are gateway values.
 */
public record QualityCounts(int measured, int estimated, int missing, int certified) {
    public QualityCounts {
        if (measured < 0 || estimated < 0 || missing < 0 || certified < 0 || certified > measured) {
            throw new IllegalArgumentException("slot counts must be >= 0 and certified <= measured, were " + measured + "/"
                    + estimated + "/" + missing + "/" + certified);
        }
    }

    /** Counts of a statement billed on gateway values only. */
    public QualityCounts(int measured, int estimated, int missing) {
        this(measured, estimated, missing, 0);
    }

    /** Lines billed on gateway (provisional) values. */
    public int gateway() {
        return lines() - certified;
    }

    public int lines() {
        return measured + estimated;
    }

    public int slots() {
        return measured + estimated + missing;
    }
}
