-- Setpoint commands sent to site gateways (issue #5, docs/protocol.md "Commands and acknowledgements").
-- The table is also the outbox: a command is stored PENDING before it is published, so a broker outage
-- or a crash between planning and publishing loses nothing; the dispatcher retries PENDING commands while
-- they are still valid and marks the rest EXPIRED. No foreign key to site: commands are a record of what
-- was sent and outlive a registry re-import.
CREATE TABLE dispatch_command (
    command_id  text        PRIMARY KEY,
    site_id     text        NOT NULL,
    device_id   text        NOT NULL,
    action      text        NOT NULL CHECK (action IN ('SET_POWER', 'LIMIT_PV', 'RESUME_AUTO')),
    setpoint_w  bigint      NOT NULL,
    valid_from  timestamptz NOT NULL,
    valid_until timestamptz NOT NULL CHECK (valid_until > valid_from),
    issued_at   timestamptz NOT NULL,
    -- who decided it: 'optimizer' for plans, else the operator's user name
    issued_by   text        NOT NULL,
    -- the bank whose plan it came from, NULL for a manual command
    bank_id     text,
    status      text        NOT NULL CHECK (status IN ('PENDING', 'SENT', 'ACCEPTED', 'REJECTED', 'FAILED', 'NO_ACK', 'EXPIRED')),
    -- the gateway's reason for REJECTED/FAILED, or ours for NO_ACK/EXPIRED
    reason      text,
    sent_at     timestamptz,
    acked_at    timestamptz
);
CREATE INDEX dispatch_command_site_idx ON dispatch_command (site_id, issued_at DESC);
-- The dispatcher's sweeps look only at commands still waiting to be sent or acknowledged.
CREATE INDEX dispatch_command_open_idx ON dispatch_command (status, issued_at) WHERE status IN ('PENDING', 'SENT');
