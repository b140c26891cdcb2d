-- Surplus bought per feeder and slot (issue #6 regional KPIs): the export of the feeder's sites whose
-- surplus is ours to buy (site_buyback status SOTSU_FIT_OURS on the slot's day). FIT sites and sites that
-- sell elsewhere still push reverse flow (export_wh) but are not in it. NULL on rows computed before this
-- column existed, until the rollup recomputes them.
ALTER TABLE feeder_interval ADD COLUMN buyback_export_wh bigint;
