package org.aems.simulators.battery;

import java.time.Instant;
import java.util.Objects;
import org.aems.core.grid.Battery;
import org.aems.simulators.control.Controllable;
import org.aems.simulators.control.SetpointHolder;

/**
 * A stationary battery. Power is on the AC side, + = charging (ECHONET Lite 0x027D): charging P for h
 * hours stores P·h·η_charge, discharging P draws P·h/η_discharge from the cells. Default mode is
 * self-consumption (charge from PV surplus, discharge into the site's deficit, never into export); a
 * setpoint is held while valid, within the power ratings and the energy the cells have or can take.
 * Not thread-safe: its site serialises access.
 */
public final class BatteryModel implements Controllable {

    private final Battery spec;
    private final double capacityWh;
    private double storedWh;
    private final SetpointHolder control = new SetpointHolder();

    public BatteryModel(Battery spec, double initialSocFraction) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.capacityWh = spec.capacity().wattHours();
        this.storedWh = capacityWh * Math.max(0, Math.min(1, initialSocFraction));
    }

    public Battery spec() {
        return spec;
    }

    /**
     * Advances {@code hours} ending at {@code t}.
     *
     * @param surplusW the site's PV minus its other consumption, W (+ = surplus)
     * @return the battery's power over the step, W, + = charging
     */
    public double step(Instant t, double hours, double surplusW) {
        double wanted = control.wattsAt(t).orElse(surplusW);
        if (hours <= 0) {
            return 0;
        }
        double power;
        if (wanted >= 0) {
            double roomW = (capacityWh - storedWh) / spec.chargeEfficiency().fraction() / hours;
            power = Math.min(wanted, Math.min(spec.maxCharge().watts(), roomW));
            storedWh = Math.min(capacityWh, storedWh + power * spec.chargeEfficiency().fraction() * hours);
        } else {
            double availableW = storedWh * spec.dischargeEfficiency().fraction() / hours;
            double discharge = Math.min(-wanted, Math.min(spec.maxDischarge().watts(), availableW));
            storedWh = Math.max(0, storedWh - discharge / spec.dischargeEfficiency().fraction() * hours);
            power = -discharge;
        }
        return power;
    }

    /** State of charge, 0..100 %. */
    public double socPercent() {
        return 100.0 * storedWh / capacityWh;
    }

    @Override
    public SetpointHolder control() {
        return control;
    }

    public double storedWh() {
        return storedWh;
    }
}
