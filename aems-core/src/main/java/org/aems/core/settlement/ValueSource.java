package org.aems.core.settlement;

/**
 * Where the energy of a billed slot came from (DOMAIN.md, "Data of record for money"; ADR 0014).
 */
public enum ValueSource {
    /** The transmission operator's certified 30-minute value (託送 A-route 確定値): the data of record. */
    CERTIFIED,
    /** The gateway's interval (B-route, site_interval): provisional until the certified value comes. */
    GATEWAY
}
