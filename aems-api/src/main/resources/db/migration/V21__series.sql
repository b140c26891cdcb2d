-- Versioned external series (JEPX spot prices, imbalance prices, grid CO2 factors), as
-- org.aems.core.series.VersionedSeries models them: each version replaces earlier values for the
-- periods it covers. Append-only, so a settlement that recorded "as known at T" repeats exactly.
CREATE TABLE series_version (
    series_id    text        NOT NULL,
    version      integer     NOT NULL CHECK (version >= 1),
    unit         text        NOT NULL, -- 'yen/kWh', 'kg-CO2/kWh'
    published_at timestamptz NOT NULL,
    source       text        NOT NULL,
    PRIMARY KEY (series_id, version)
);

-- value over [valid_from, valid_until): one 30-minute slot for prices, a fiscal year for CO2 factors.
CREATE TABLE series_value (
    series_id   text        NOT NULL,
    version     integer     NOT NULL,
    valid_from  timestamptz NOT NULL,
    valid_until timestamptz NOT NULL,
    value       numeric     NOT NULL,
    PRIMARY KEY (series_id, valid_from, version),
    FOREIGN KEY (series_id, version) REFERENCES series_version (series_id, version),
    CHECK (valid_until > valid_from)
);

CREATE TRIGGER series_version_append_only BEFORE UPDATE OR DELETE ON series_version
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER series_value_append_only BEFORE UPDATE OR DELETE ON series_value
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
