package org.aems.simulators.control;

/** Why a device left a commanded setpoint for its own default mode. */
public enum Fallback {
    /** The setpoint's validUntil passed without a newer command. */
    LAPSED,
    /** The gateway lost its connection to the platform: it cannot be sure its setpoints still stand. */
    CONNECTION_LOST,
    /** The platform sent RESUME_AUTO. */
    RESUMED,
    /** The vehicle left the charger. */
    VEHICLE_LEFT
}
