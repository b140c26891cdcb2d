-- Idempotent POST /api/v1/settlement/runs (issue #6): a billing system that retries a request with the same
-- Idempotency-Key gets the run its first request made, not version n+1. Keys are scoped by who asked.
CREATE TABLE settlement_run_request (
    requested_by    text        NOT NULL,
    idempotency_key text        NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 200),
    request         text        NOT NULL, -- the period asked for, e.g. "CALENDAR_MONTH 2026-05-01..2026-06-01"
    run_id          bigint      NOT NULL REFERENCES settlement_run (id),
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (requested_by, idempotency_key)
);
