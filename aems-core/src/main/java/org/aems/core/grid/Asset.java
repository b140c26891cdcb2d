package org.aems.core.grid;

/** A device at a site. */
public sealed interface Asset permits PvArray, Battery, EvCharger, SmartMeter {

    DeviceId id();

    Validity validity();

    /** Whether the platform may curtail or dispatch it (contract and owner consent). */
    boolean curtailable();
}
