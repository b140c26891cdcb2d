-- The plan retention deletes dispatched commands older than aems.optimizer.plan-retention.command-max-age
-- (395 days) in batches by issue time; without this index each batch would scan the whole table (the export
-- guard alone adds ~100,000 PV limits on a sunny day of the city).
CREATE INDEX dispatch_command_issued_idx ON dispatch_command (issued_at);
