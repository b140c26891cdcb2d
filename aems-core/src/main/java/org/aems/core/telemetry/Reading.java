package org.aems.core.telemetry;

import java.time.Instant;
import java.util.Objects;
import org.aems.core.grid.DeviceId;
import org.aems.core.grid.SiteId;
import org.aems.core.unit.Energy;
import org.aems.core.unit.Power;
import org.aems.core.unit.StateOfCharge;

/**
 * One measured value of one device at one instant. Its natural key is
 * (site, device, quantity, timestamp): the same key is the same reading.
 *
 * @param value in the quantity's canonical unit ({@link Quantity#unit()}): W, Wh, % or 0/1
 */
public record Reading(SiteId site, DeviceId device, Quantity quantity, Instant timestamp, double value) {

    public Reading {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(timestamp, "timestamp");
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("reading value must be finite, was " + value);
        }
    }

    public Power asPower() {
        requireUnit(Quantity.CanonicalUnit.WATT);
        return Power.ofWatts(Math.round(value));
    }

    public Energy asEnergy() {
        requireUnit(Quantity.CanonicalUnit.WATT_HOUR);
        return Energy.ofWattHours(Math.round(value));
    }

    public StateOfCharge asStateOfCharge() {
        requireUnit(Quantity.CanonicalUnit.PERCENT);
        return StateOfCharge.ofPercent(value);
    }

    private void requireUnit(Quantity.CanonicalUnit expected) {
        if (quantity.unit() != expected) {
            throw new IllegalStateException(quantity.wireName() + " is measured in " + quantity.unit().symbol()
                    + ", not " + expected.symbol());
        }
    }
}
