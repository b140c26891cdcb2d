package org.aems.simulators.scenario;

import java.util.Objects;
import org.aems.core.grid.SiteKind;
import org.aems.core.unit.Energy;

/**
 * How the simulator plays one site: its load profile and yearly consumption, the load's relative noise,
 * and for shared EVs the vehicle's battery, trips per vehicle and day and energy per trip. Built from the
 * defaults of its kind, overlaid with the scenario's profile for the kind, overlaid with the site's own
 * {@code simulation:} entry (docs/scenarios.md).
 *
 * @param loadNoise relative standard deviation of the load around its profile, 0..1
 */
public record SiteBehaviour(LoadProfile loadProfile, Energy annualConsumption, double loadNoise, Energy evBattery,
                            double evTripsPerDay, Energy evEnergyPerTrip) {

    public SiteBehaviour {
        Objects.requireNonNull(loadProfile, "loadProfile");
        Objects.requireNonNull(annualConsumption, "annualConsumption");
        Objects.requireNonNull(evBattery, "evBattery");
        Objects.requireNonNull(evEnergyPerTrip, "evEnergyPerTrip");
        if (loadNoise < 0 || loadNoise > 1) {
            throw new IllegalArgumentException("loadNoise must be within 0..1, was " + loadNoise);
        }
    }

    /** Defaults when the scenario says nothing; sizes are assumptions explained in docs/scenarios.md. */
    public static SiteBehaviour defaultFor(SiteKind kind) {
        return switch (kind) {
            case HOUSEHOLD -> of(LoadProfile.HOUSEHOLD_2P, 3_700, 0.25);
            case SCHOOL, EVACUATION_SHELTER -> of(LoadProfile.SCHOOL, 120_000, 0.1);
            case PUBLIC_FACILITY -> of(LoadProfile.PUBLIC_FACILITY, 200_000, 0.1);
            case CAR_SHARING_STATION -> of(LoadProfile.CAR_SHARING_STATION, 1_500, 0.1);
            case SHOP -> of(LoadProfile.SHOP, 60_000, 0.15);
            case OFFICE -> of(LoadProfile.OFFICE, 120_000, 0.15);
        };
    }

    private static SiteBehaviour of(LoadProfile profile, long annualKwh, double noise) {
        // Nissan Leaf class shared EV (eemo): 40 kWh; 1.5 trips a day of ~6 kWh (assumption).
        return new SiteBehaviour(profile, Energy.ofKilowattHours(annualKwh), noise, Energy.ofKilowattHours(40), 1.5,
                Energy.ofKilowattHours(6));
    }
}
