package org.aems.core.alert;

/** What an alert is about. Stable codes: dashboards and forwarding rules key on them. */
public enum AlertKind {
    /** Telemetry commits are failing; ingest holds messages unacknowledged (the broker queues the rest). */
    INGEST_STORE_FAILING,
    /** An unusual share of the readings in a batch was rejected (a gateway or firmware sending bad data). */
    REJECTION_SPIKE,
    /**
     * Ingest holds messages but has committed nothing for a while without failing (a hung writer, a
     * lock), or has been disconnected from the broker for a while: telemetry is not flowing.
     */
    INGEST_STALLED,
    /** The broker holds so many undelivered messages that its queue limit, past which it drops QoS 1 messages, is near. */
    BROKER_QUEUE_NEAR_LIMIT,
    /** A bank's solve failed or ran out of time: the last plan or the rule-based baseline was published instead. */
    OPTIMIZER_FALLBACK,
    /** A feeder's reverse flow in its latest rolled-up slot exceeded the feeder's limit. */
    FEEDER_REVERSE_FLOW_BREACHED,
    /** Commands to a site went unacknowledged (NO_ACK) within the last hour: its gateway may be offline or ignoring them. */
    COMMAND_UNACKNOWLEDGED,
    /** Gateways on a feeder that have reported before sent nothing recent: one alert per feeder, naming the sites. */
    GATEWAYS_SILENT,
    /**
     * A slot's measured demand or bought surplus was far from the market plan's forecast (計画値): the balancing group will
     * pay imbalance unless a revision or dispatch closes the gap.
     */
    FORECAST_ERROR_LARGE
}
