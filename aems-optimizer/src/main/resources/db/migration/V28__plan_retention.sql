-- Plan retention (issue #5): once a plan version is older than aems.optimizer.plan-retention.max-age, only the
-- slot rows the record needs are kept (the slots for which it was the plan in force at gate closure or the
-- day-ahead plan); a version left with none is deleted (PlanRetention).

-- When a version's slot rows were reduced to the record's ones; NULL while it holds its whole horizon. The purge
-- looks only at versions not yet trimmed, so its work per run does not grow with the history kept.
ALTER TABLE plan_version ADD COLUMN slots_trimmed_at timestamptz;
CREATE INDEX plan_version_untrimmed_idx ON plan_version (created_at) WHERE slots_trimmed_at IS NULL;

-- A job keeps its history when the plan it produced is deleted: the reference becomes NULL instead of blocking
-- the delete (V11 declared it without an ON DELETE action).
ALTER TABLE optimizer_job DROP CONSTRAINT optimizer_job_plan_id_fkey;
ALTER TABLE optimizer_job ADD CONSTRAINT optimizer_job_plan_id_fkey
    FOREIGN KEY (plan_id) REFERENCES plan_version (id) ON DELETE SET NULL;
-- ... found by index, not by a scan of the job table per deleted version.
CREATE INDEX optimizer_job_plan_idx ON optimizer_job (plan_id) WHERE plan_id IS NOT NULL;

-- The bank totals by slot: how the plan in force and the day-ahead plan of a slot are found (BalancingPlanQuery,
-- PlanStore.inForce, the purge) without scanning every version's rows.
CREATE INDEX plan_slot_bank_total_idx ON plan_slot (slot_start, plan_id) WHERE feeder_id = '';
