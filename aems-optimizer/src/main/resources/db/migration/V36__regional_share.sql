-- The regional step (ADR 0023): a bank's plan for a gate-closed slot may aim at its plan in force plus a shift that
-- takes over part of other banks' forced deviations, so the balancing group as a whole stays on its plan. The bank
-- total row (feeder_id '') keeps the shift the version was asked for; the version keeps the bank's controllable
-- storage power, its weight when the others share their deviations.
ALTER TABLE plan_slot ADD COLUMN target_shift_wh bigint NOT NULL DEFAULT 0;
ALTER TABLE plan_version ADD COLUMN storage_w bigint NOT NULL DEFAULT 0 CHECK (storage_w >= 0);
