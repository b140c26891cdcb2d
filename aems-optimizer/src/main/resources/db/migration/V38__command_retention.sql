-- The plan retention deletes dispatched commands older than aems.optimizer.plan-retention.command-max-age
-- (395 days) in batches by issue time; without this index each batch would scan the whole table (a sunny day
-- of the city brings ~100,000 commands, half of them the export guard's PV limits).
CREATE INDEX dispatch_command_issued_idx ON dispatch_command (issued_at);
