package org.aems.simulators.site;

/**
 * Rare meter events, per meter.
 *
 * @param meterNearRolloverShare   share of meters that start a few days' use short of their register rollover
 * @param meterReplacementsPerYear chance per meter and year of a swap for a new meter (registers restart at 0)
 */
public record PhysicsOptions(double meterNearRolloverShare, double meterReplacementsPerYear) {

    /** 1 % of meters near rollover; meters swapped about every 10 years (Japan's 10-year verification cycle). */
    public static final PhysicsOptions DEFAULT = new PhysicsOptions(0.01, 0.1);

    public PhysicsOptions {
        if (meterNearRolloverShare < 0 || meterNearRolloverShare > 1) {
            throw new IllegalArgumentException("meterNearRolloverShare must be within 0..1, was " + meterNearRolloverShare);
        }
        if (meterReplacementsPerYear < 0) {
            throw new IllegalArgumentException("meterReplacementsPerYear must be >= 0, was " + meterReplacementsPerYear);
        }
    }
}
