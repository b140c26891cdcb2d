package org.aems.ingest.rollup;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the calculator needs to compute one site's slot, as the store loads it in one query per
 * batch. Meter series come from the site's registered meter only; device lists hold one entry per
 * device that reported (a site may have two inverters).
 *
 * @param importRegister the meter's import register (0xE0 readings and 0xEA fixed values)
 * @param exportRegister the meter's export register (0xE3 readings and 0xEB fixed values)
 * @param meterPower     the meter's instantaneous power (0xE7), + = import
 * @param pvRegisters    cumulative generation ({@code pv.energy}) per PV device
 * @param pvPower        {@code pv.power} per device, used for devices without register data
 * @param batteryPower   {@code battery.power} per device, + = charging
 * @param evPower        {@code ev.power} per device, + = charging the vehicle, − = V2X discharge
 */
public record SlotReadings(SiteSlot key, Optional<RegisterSeries> importRegister, Optional<RegisterSeries> exportRegister,
                           Optional<PowerSummary> meterPower, List<RegisterSeries> pvRegisters, List<PowerSummary> pvPower,
                           List<PowerSummary> batteryPower, List<PowerSummary> evPower) {

    public SlotReadings {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(importRegister, "importRegister");
        Objects.requireNonNull(exportRegister, "exportRegister");
        Objects.requireNonNull(meterPower, "meterPower");
        pvRegisters = List.copyOf(pvRegisters);
        pvPower = List.copyOf(pvPower);
        batteryPower = List.copyOf(batteryPower);
        evPower = List.copyOf(evPower);
    }

    /** A slot for which nothing was reported. */
    public static SlotReadings none(SiteSlot key) {
        return new SlotReadings(key, Optional.empty(), Optional.empty(), Optional.empty(), List.of(), List.of(), List.of(),
                List.of());
    }
}
