package org.aems.simulators.control;

import java.time.Instant;
import java.util.Optional;

/** A device that follows setpoints and otherwise runs its own default mode. */
public interface Controllable {

    /** The device's setpoint state. */
    SetpointHolder control();

    /** Holds {@code setpoint} from its validFrom; replaces any earlier one. */
    default void follow(Setpoint setpoint) {
        control().follow(setpoint);
    }

    /** Drops the setpoint, if any, for the default mode; returns whether there was one. */
    default boolean fallBack(Fallback why, Instant at) {
        return control().fallBack(why);
    }

    /** True while the last step followed a setpoint. */
    default boolean commanded() {
        return control().commanded();
    }

    /** The last fallback, for ground truth. */
    default Optional<Fallback> lastFallback() {
        return control().lastFallback();
    }

    /** How often the device fell back so far, for whatever reason. */
    default int fallbacks() {
        return control().fallbacks();
    }
}
