-- Who imported a series version through /api/v1/series (issue #6); NULL for versions recorded before.
ALTER TABLE series_version ADD COLUMN recorded_by text;
