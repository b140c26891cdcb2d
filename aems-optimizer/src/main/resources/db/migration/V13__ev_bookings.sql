-- EV bookings from the car-sharing operator's system (issue #5): when a shared vehicle is expected at which
-- charger, when it leaves, and how much energy it must hold then. The optimizer steers a charger only for a
-- booking it knows; without one the vehicle charges on plug-in as before. Upserted by booking id.
CREATE TABLE ev_booking (
    booking_id     text        PRIMARY KEY,
    site_id        text        NOT NULL,
    device_id      text        NOT NULL,            -- the charger
    plugged_from   timestamptz NOT NULL,            -- expected plug-in (or when it was plugged)
    departure      timestamptz NOT NULL CHECK (departure > plugged_from),
    required_wh    bigint      NOT NULL CHECK (required_wh >= 0), -- energy in the vehicle's battery at departure
    capacity_wh    bigint      NOT NULL CHECK (capacity_wh > 0 AND capacity_wh >= required_wh),
    updated_at     timestamptz NOT NULL,
    cancelled      boolean     NOT NULL DEFAULT false
);
CREATE INDEX ev_booking_site_idx ON ev_booking (site_id, departure);
