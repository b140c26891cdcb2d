package org.aems.core.grid;

/** What a meter's values may be used for; settlement states which class it used. */
public enum MetrologyClass {
    /** 検定付き計量器: a verified meter, valid for billing. */
    CERTIFIED,
    /** 特定計量 (rules of 2022): e.g. certain PV inverters and EV chargers, billing within its rules. */
    SPECIFIED_MEASUREMENT,
    /** Operations only, never billing. */
    UNCERTIFIED
}
