-- Plans per bank, every version kept (issue #5 "Plans"), and the job table that shares banks among
-- optimizer instances (issue #5 "Scale-out").

-- One solve (or fallback) of one bank over a horizon. Versions are never updated or deleted: the plan in
-- force for a slot is the newest version created before the slot's gate closure that covers it.
CREATE TABLE plan_version (
    id            bigserial   PRIMARY KEY,
    bank_id       text        NOT NULL,
    first_slot    timestamptz NOT NULL,          -- UTC start of the horizon's first slot
    slot_count    integer     NOT NULL CHECK (slot_count > 0),
    source        text        NOT NULL CHECK (source IN ('OPTIMAL', 'FEASIBLE', 'LAST_PLAN', 'BASELINE')),
    objective_yen numeric     NOT NULL,          -- money plus penalties, full precision
    solve_ms      integer     NOT NULL,
    breaches      integer     NOT NULL,          -- limits that could not be held
    limit_events  jsonb       NOT NULL,          -- every binding or breached limit: where, when, how much, why
    created_at    timestamptz NOT NULL,
    created_by    text        NOT NULL           -- the optimizer instance
);
CREATE INDEX plan_version_bank_idx ON plan_version (bank_id, created_at DESC);

-- Per version, feeder and slot: the planned net flow (+ import, - reverse flow) and what the plan does
-- with storage, EVs and curtailment there. feeder_id '' is the bank total.
CREATE TABLE plan_slot (
    plan_id        bigint      NOT NULL REFERENCES plan_version (id) ON DELETE CASCADE,
    feeder_id      text        NOT NULL,
    slot_start     timestamptz NOT NULL,
    net_wh         bigint      NOT NULL,
    storage_wh     bigint      NOT NULL,          -- + charging, - discharging, summed over batteries
    ev_wh          bigint      NOT NULL,          -- + charging, - V2X
    curtailed_wh   bigint      NOT NULL,
    PRIMARY KEY (plan_id, feeder_id, slot_start)
);

-- One job per bank and planning slot. Any instance may enqueue (idempotent); workers claim with
-- FOR UPDATE SKIP LOCKED, so each bank is solved by exactly one instance; a claim older than the lease
-- (a crashed worker) is taken over.
CREATE TABLE optimizer_job (
    bank_id     text        NOT NULL,
    slot_start  timestamptz NOT NULL,             -- the slot the plan is made for (dispatch starts there)
    status      text        NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED', 'SKIPPED')),
    attempts    integer     NOT NULL DEFAULT 0,
    enqueued_at timestamptz NOT NULL,
    claimed_by  text,
    claimed_at  timestamptz,
    finished_at timestamptz,
    plan_id     bigint REFERENCES plan_version (id),
    error       text,
    PRIMARY KEY (bank_id, slot_start)
);
CREATE INDEX optimizer_job_open_idx ON optimizer_job (slot_start) WHERE status IN ('QUEUED', 'RUNNING');
