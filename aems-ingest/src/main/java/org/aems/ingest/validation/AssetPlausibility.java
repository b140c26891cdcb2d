package org.aems.ingest.validation;

import java.util.Optional;
import org.aems.core.grid.Asset;
import org.aems.core.grid.Battery;
import org.aems.core.grid.EvCharger;
import org.aems.core.grid.PvArray;
import org.aems.core.grid.Site;
import org.aems.core.telemetry.Quantity;
import org.aems.core.telemetry.Reading;

/**
 * Checks a power reading against the registered asset it claims to come from: PV output within its
 * nameplate, battery and EV charger power within their ratings. Margins absorb metering tolerance and
 * short overloads that inverters allow; beyond them the value is a unit or scaling mistake.
 */
final class AssetPlausibility {

    /** PV AC output may exceed the DC nameplate only a little (cold, clear days; measurement tolerance). */
    static final double PV_MARGIN = 1.2;
    /** Battery and charger power may exceed the rating by metering tolerance. */
    static final double RATING_MARGIN = 1.1;

    /** @return what is implausible, or empty when the reading fits its asset (or the asset is not registered) */
    Optional<String> violation(Site site, Reading reading) {
        Optional<Asset> asset = site.asset(reading.device());
        if (asset.isEmpty()) {
            return Optional.empty();
        }
        double w = reading.value();
        if (reading.quantity() == Quantity.PV_POWER && asset.get() instanceof PvArray pv) {
            double max = pv.peakPower().watts() * PV_MARGIN;
            if (w > max) {
                return Optional.of("pv.power " + Math.round(w) + " W is above 120 % of " + reading.device() + "'s "
                        + pv.peakPower() + "p; check the unit (W, not kW x 1000 twice) or the registered size");
            }
        }
        if (reading.quantity() == Quantity.BATTERY_POWER && asset.get() instanceof Battery b) {
            return rating("battery.power", reading, b.maxCharge().watts(), b.maxDischarge().watts());
        }
        if (reading.quantity() == Quantity.EV_POWER && asset.get() instanceof EvCharger ev) {
            return rating("ev.power", reading, ev.maxCharge().watts(), ev.maxDischarge().watts());
        }
        return Optional.empty();
    }

    private static Optional<String> rating(String quantity, Reading reading, long maxCharge, long maxDischarge) {
        double w = reading.value();
        if (w > maxCharge * RATING_MARGIN || -w > maxDischarge * RATING_MARGIN) {
            return Optional.of(quantity + " " + Math.round(w) + " W is outside " + reading.device() + "'s rating (charge "
                    + maxCharge + " W, discharge " + maxDischarge + " W, + = charging)");
        }
        return Optional.empty();
    }
}
