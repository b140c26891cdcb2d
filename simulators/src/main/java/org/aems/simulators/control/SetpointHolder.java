package org.aems.simulators.control;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The setpoint bookkeeping every controllable device shares: the setpoint held, whether the last step
 * followed it, and the fallbacks (a lapsed setpoint falls back by itself at the next step).
 */
public final class SetpointHolder {

    private Setpoint setpoint;
    private boolean commanded;
    private Fallback lastFallback;
    private int fallbacks;

    void follow(Setpoint setpoint) {
        this.setpoint = Objects.requireNonNull(setpoint, "setpoint");
    }

    boolean fallBack(Fallback why) {
        if (setpoint == null) {
            return false;
        }
        setpoint = null;
        commanded = false;
        lastFallback = why;
        fallbacks++;
        return true;
    }

    /** The setpoint's power for a step ending at {@code t}, if one is active then; a lapsed one is dropped first. */
    public OptionalDouble wattsAt(Instant t) {
        if (setpoint != null && setpoint.lapsedAt(t)) {
            fallBack(Fallback.LAPSED);
        }
        commanded = setpoint != null && setpoint.activeAt(t);
        return commanded ? OptionalDouble.of(setpoint.watts()) : OptionalDouble.empty();
    }

    /** This step followed no setpoint (the device was away or idle). */
    public void idle() {
        commanded = false;
    }

    boolean commanded() {
        return commanded;
    }

    Optional<Fallback> lastFallback() {
        return Optional.ofNullable(lastFallback);
    }

    int fallbacks() {
        return fallbacks;
    }
}
