package org.aems.simulators.pv;

import java.time.Instant;
import java.util.Objects;
import org.aems.simulators.control.Controllable;
import org.aems.simulators.control.SetpointHolder;

/** A PV array behind its inverter, which holds a curtailment limit while one is valid. */
public final class PvInverter implements Controllable {

    private final PvModel model;
    private double energyWh;
    private final SetpointHolder control = new SetpointHolder();

    public PvInverter(PvModel model, double initialEnergyWh) {
        this.model = Objects.requireNonNull(model, "model");
        this.energyWh = initialEnergyWh;
    }

    public PvModel model() {
        return model;
    }

    /** AC output over the step ending at {@code t}, W; adds it to the generation register. */
    public double step(Instant t, double hours, SolarPosition.Sun sun, double clearSkyIndex, double airTempC) {
        double power = model.acPower(sun, clearSkyIndex, airTempC, control.wattsAt(t).orElse(Double.POSITIVE_INFINITY));
        energyWh += power * hours;
        return power;
    }

    @Override
    public SetpointHolder control() {
        return control;
    }

    /** The generation register a previous run left (RegisterMemory). */
    public void resume(double energyWh) {
        this.energyWh = energyWh;
    }

    /** Cumulative generation, Wh. */
    public double energyWh() {
        return energyWh;
    }
}
