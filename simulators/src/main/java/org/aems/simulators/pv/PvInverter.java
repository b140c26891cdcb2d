package org.aems.simulators.pv;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.aems.simulators.control.Controllable;
import org.aems.simulators.control.Fallback;
import org.aems.simulators.control.Setpoint;

/** A PV array behind its inverter, which holds a curtailment limit while one is valid. */
public final class PvInverter implements Controllable {

    private final PvModel model;
    private double energyWh;
    private Setpoint limit;
    private boolean commanded;
    private Fallback lastFallback;
    private int fallbacks;

    public PvInverter(PvModel model, double initialEnergyWh) {
        this.model = Objects.requireNonNull(model, "model");
        this.energyWh = initialEnergyWh;
    }

    public PvModel model() {
        return model;
    }

    /** AC output over the step ending at {@code t}, W; adds it to the generation register. */
    public double step(Instant t, double hours, SolarPosition.Sun sun, double clearSkyIndex, double airTempC) {
        if (limit != null && limit.lapsedAt(t)) {
            fallBack(Fallback.LAPSED, t);
        }
        commanded = limit != null && limit.activeAt(t);
        double power = model.acPower(sun, clearSkyIndex, airTempC, commanded ? limit.watts() : Double.POSITIVE_INFINITY);
        energyWh += power * hours;
        return power;
    }

    /** Cumulative generation, Wh. */
    public double energyWh() {
        return energyWh;
    }

    @Override
    public void follow(Setpoint setpoint) {
        this.limit = Objects.requireNonNull(setpoint, "setpoint");
    }

    @Override
    public boolean fallBack(Fallback why, Instant at) {
        if (limit == null) {
            return false;
        }
        limit = null;
        commanded = false;
        lastFallback = why;
        fallbacks++;
        return true;
    }

    @Override
    public boolean commanded() {
        return commanded;
    }

    @Override
    public Optional<Fallback> lastFallback() {
        return Optional.ofNullable(lastFallback);
    }

    @Override
    public int fallbacks() {
        return fallbacks;
    }
}
