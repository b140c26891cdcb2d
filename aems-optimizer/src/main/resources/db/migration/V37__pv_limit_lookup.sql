-- Each round asks, per feeder, whether our PV limits were in force in the slot just measured (ADR 0026): the
-- nowcast then treats that slot's PV as a lower bound. LIMIT_PV commands are a small share of all commands.
CREATE INDEX dispatch_command_pv_limit_idx ON dispatch_command (valid_from, site_id) WHERE action = 'LIMIT_PV';
