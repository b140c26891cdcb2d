package org.aems.core.grid;

/** What a site is; facilities matter for islanding (shelters first) and supply contracts. */
public enum SiteKind { HOUSEHOLD, PUBLIC_FACILITY, EVACUATION_SHELTER, SCHOOL, CAR_SHARING_STATION, SHOP, OFFICE }
