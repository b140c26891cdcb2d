package org.aems.core.alert;

/** How urgently a person must act. */
public enum Severity { INFO, WARNING, CRITICAL }
