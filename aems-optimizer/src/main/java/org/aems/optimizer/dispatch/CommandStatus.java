package org.aems.optimizer.dispatch;

/** Where a command stands between the plan and the device (docs/protocol.md). */
public enum CommandStatus {
    /** Stored, not yet handed to the broker (the outbox). */
    PENDING,
    /** The broker has it (PUBACK); waiting for the gateway's acknowledgement. */
    SENT,
    /** The gateway will execute it. */
    ACCEPTED,
    /** The gateway refused it as impossible; see the reason. */
    REJECTED,
    /** The gateway accepted it but could not carry it out; see the reason. */
    FAILED,
    /** No acknowledgement within the acknowledgement timeout: the site may not be following its plan. */
    NO_ACK,
    /** Its validity ended before it could be sent; never published. */
    EXPIRED;

    /** Statuses that mean the site is not following what we asked (the optimizer re-plans around it). */
    public boolean notFollowed() {
        return this == REJECTED || this == FAILED || this == NO_ACK;
    }
}
