package org.aems.optimizer.model;

/** Which limit of a feeder or bank. */
public enum LimitKind {
    /** Energy flowing back toward the substation (逆潮流). */
    REVERSE_FLOW,
    /** Energy drawn from the substation. */
    IMPORT
}
