-- Supply bills bill the data of record too (ADR 0022): a slot with a certified value is billed on it, the
-- gateway's interval only where none has come. A bill counts its certified slots and names its meter's
-- metrology class, as a purchase statement does (V24).
ALTER TABLE supply_bill
    ADD COLUMN certified_slots integer NOT NULL DEFAULT 0 CHECK (certified_slots >= 0 AND certified_slots <= measured_slots),
    ADD COLUMN metrology_class text CHECK (metrology_class IN ('CERTIFIED', 'SPECIFIED_MEASUREMENT', 'UNCERTIFIED'));

-- Documents billed (partly) on gateway values where certified values are expected are provisional. A run counts
-- its provisional supply bills like its provisional statements, and finalising a run with any needs an explicit,
-- recorded decision (acceptProvisional; ADR 0022 replaces ADR 0014's "counted, not blocked").
ALTER TABLE settlement_run
    ADD COLUMN provisional_supply_bills integer NOT NULL DEFAULT 0 CHECK (provisional_supply_bills >= 0),
    ADD COLUMN provisional_accepted boolean NOT NULL DEFAULT false;

-- V24's guard, with the new decision among the columns finalisation sets.
CREATE OR REPLACE FUNCTION settlement_run_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        IF OLD.status = 'FINAL' THEN
            RAISE EXCEPTION 'settlement run % is FINAL and immutable', OLD.id;
        END IF;
        RETURN OLD;
    END IF;
    IF OLD.status = 'FINAL' THEN
        RAISE EXCEPTION 'settlement run % is FINAL and immutable', OLD.id;
    END IF;
    IF to_jsonb(NEW) - ARRAY['status', 'finalised_by', 'finalised_at', 'incomplete_accepted', 'provisional_accepted', 'feed_position']
       IS DISTINCT FROM to_jsonb(OLD) - ARRAY['status', 'finalised_by', 'finalised_at', 'incomplete_accepted', 'provisional_accepted', 'feed_position'] THEN
        RAISE EXCEPTION 'settlement run %: only finalisation may change a run', OLD.id;
    END IF;
    RETURN NEW;
END
$$;
