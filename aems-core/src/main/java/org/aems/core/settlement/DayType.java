package org.aems.core.settlement;

/** The day types a time-of-use tariff prices separately. */
public enum DayType {
    /** Monday to Friday, unless a public holiday. */
    WEEKDAY,
    /** Saturday, Sunday and public holidays (土日祝). */
    WEEKEND_OR_HOLIDAY
}
