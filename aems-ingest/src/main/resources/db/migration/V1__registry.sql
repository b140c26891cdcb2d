-- The grid registry: region -> substation -> bank -> feeder -> site -> asset, imported from a region
-- file (docs/region-file.md). Powers in W, energies in Wh, limits positive magnitudes. Dates are JST
-- calendar days; valid_until is exclusive and NULL means open-ended.

CREATE TABLE region (
    id          text PRIMARY KEY,
    name        text        NOT NULL,
    imported_at timestamptz NOT NULL
);

CREATE TABLE substation (
    id        text PRIMARY KEY,
    region_id text NOT NULL REFERENCES region (id) ON DELETE CASCADE,
    name      text NOT NULL
);

CREATE TABLE bank (
    id            text PRIMARY KEY,
    substation_id text NOT NULL REFERENCES substation (id) ON DELETE CASCADE,
    name          text NOT NULL
);

CREATE TABLE feeder (
    id          text PRIMARY KEY,
    bank_id     text NOT NULL REFERENCES bank (id) ON DELETE CASCADE,
    name        text NOT NULL,
    valid_from  date NOT NULL,
    valid_until date,
    CHECK (valid_until IS NULL OR valid_until > valid_from)
);

-- Reverse-flow and import limits of banks and feeders, with their history.
CREATE TABLE bank_limit (
    bank_id              text   NOT NULL REFERENCES bank (id) ON DELETE CASCADE,
    valid_from           date   NOT NULL,
    valid_until          date,
    reverse_flow_limit_w bigint NOT NULL CHECK (reverse_flow_limit_w > 0),
    import_limit_w       bigint NOT NULL CHECK (import_limit_w > 0),
    PRIMARY KEY (bank_id, valid_from),
    CHECK (valid_until IS NULL OR valid_until > valid_from)
);

CREATE TABLE feeder_limit (
    feeder_id            text   NOT NULL REFERENCES feeder (id) ON DELETE CASCADE,
    valid_from           date   NOT NULL,
    valid_until          date,
    reverse_flow_limit_w bigint NOT NULL CHECK (reverse_flow_limit_w > 0),
    import_limit_w       bigint NOT NULL CHECK (import_limit_w > 0),
    PRIMARY KEY (feeder_id, valid_from),
    CHECK (valid_until IS NULL OR valid_until > valid_from)
);

CREATE TABLE site (
    id                  text PRIMARY KEY,
    feeder_id           text NOT NULL REFERENCES feeder (id) ON DELETE CASCADE,
    name                text NOT NULL,
    kind                text NOT NULL,
    -- 供給地点特定番号: the transmission operator's key for certified 30-minute values.
    supply_point_number char(22) NOT NULL CHECK (supply_point_number ~ '^[0-9]{22}$'),
    valid_from          date NOT NULL,
    valid_until         date,
    CHECK (valid_until IS NULL OR valid_until > valid_from)
);
CREATE INDEX site_feeder_idx ON site (feeder_id);
CREATE INDEX site_supply_point_idx ON site (supply_point_number);

CREATE TABLE site_buyback (
    site_id     text NOT NULL REFERENCES site (id) ON DELETE CASCADE,
    valid_from  date NOT NULL,
    valid_until date,
    status      text NOT NULL CHECK (status IN ('FIT', 'SOTSU_FIT_OURS', 'OTHER_BUYER', 'NONE')),
    PRIMARY KEY (site_id, valid_from)
);

-- One row per device; the columns of its kind are filled, the others NULL.
CREATE TABLE asset (
    site_id                      text    NOT NULL REFERENCES site (id) ON DELETE CASCADE,
    device_id                    text    NOT NULL,
    position                     integer NOT NULL, -- order in the region file
    kind                         text    NOT NULL CHECK (kind IN ('PV', 'BATTERY', 'EV_CHARGER', 'METER')),
    valid_from                   date    NOT NULL,
    valid_until                  date,
    curtailable                  boolean NOT NULL,
    pv_peak_w                    bigint,
    pv_inverter_limit_w          bigint,
    pv_tilt_deg                  double precision,
    pv_azimuth_deg               double precision,
    battery_capacity_wh          bigint,
    battery_max_charge_w         bigint,
    battery_max_discharge_w      bigint,
    battery_charge_efficiency    double precision,
    battery_discharge_efficiency double precision,
    ev_max_charge_w              bigint,
    ev_max_discharge_w           bigint,
    ev_v2x                       boolean,
    meter_metrology_class        text,
    meter_rollover_wh            bigint,
    PRIMARY KEY (site_id, device_id),
    CHECK (kind <> 'PV' OR (pv_peak_w > 0 AND pv_inverter_limit_w > 0)),
    CHECK (kind <> 'BATTERY' OR (battery_capacity_wh > 0 AND battery_max_charge_w > 0 AND battery_max_discharge_w > 0)),
    CHECK (kind <> 'EV_CHARGER' OR (ev_max_charge_w > 0 AND ev_max_discharge_w >= 0 AND ev_v2x IS NOT NULL)),
    CHECK (kind <> 'METER' OR (meter_metrology_class IS NOT NULL AND meter_rollover_wh > 0))
);
