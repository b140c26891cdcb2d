package org.aems.core.alert;

/** What an alert is about. Stable codes: dashboards and forwarding rules key on them. */
public enum AlertKind {
    /** Telemetry commits are failing; ingest holds messages unacknowledged (the broker queues the rest). */
    INGEST_STORE_FAILING,
    /** An unusual share of the readings in a batch was rejected (a gateway or firmware sending bad data). */
    REJECTION_SPIKE
}
