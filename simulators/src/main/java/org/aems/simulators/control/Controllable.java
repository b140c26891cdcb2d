package org.aems.simulators.control;

import java.time.Instant;
import java.util.Optional;

/** A device that follows setpoints and otherwise runs its own default mode. */
public interface Controllable {

    /** Holds {@code setpoint} from its validFrom; replaces any earlier one. */
    void follow(Setpoint setpoint);

    /** Drops the setpoint, if any, for the default mode; returns whether there was one. */
    boolean fallBack(Fallback why, Instant at);

    /** True while the last step followed a setpoint. */
    boolean commanded();

    /** The last fallback, for ground truth. */
    Optional<Fallback> lastFallback();

    /** How often the device fell back so far, for whatever reason. */
    int fallbacks();
}
