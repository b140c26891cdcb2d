package org.aems.simulators.fault;

/** Faults the simulator injects, as written to the ground truth. */
public enum FaultKind { LATE, DUPLICATE, OUT_OF_ORDER, MALFORMED, CLOCK_SKEW, OFFLINE, BACK_ONLINE, METER_REPLACED, COMMAND_MISSED }
